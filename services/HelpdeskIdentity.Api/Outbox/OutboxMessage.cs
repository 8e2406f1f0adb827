namespace HelpdeskIdentity.Api.Outbox;

/// <summary>
/// A bus message written in the same transaction as the change it announces, published later by
/// <see cref="OutboxPublisher"/>. Its <see cref="Id"/> becomes the message id on the bus, so a
/// subscriber can recognise the rare redelivery after a crash between publish and mark.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }

    public required string MessageType { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>W3C traceparent of the activity that wrote the row, so the publish joins its trace.</summary>
    public string? TraceParent { get; set; }
}
