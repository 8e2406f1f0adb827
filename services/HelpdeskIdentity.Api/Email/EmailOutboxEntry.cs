namespace HelpdeskIdentity.Api.Email;

/// <summary>A row of <c>email_outbox</c>: the message as it must be sent, and where its delivery stands.</summary>
public class EmailOutboxEntry
{
    /// <summary>The message id: sent to providers as <c>hdid_message_id</c>, and part of the Message-ID header.</summary>
    public Guid Id { get; set; }

    public required string IdempotencyKey { get; set; }

    public required string Category { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    /// <summary><see cref="EmailStatus"/>: pending, sent or failed.</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>W3C traceparent of the activity that enqueued the e-mail, so its delivery joins that trace.</summary>
    public string? TraceParent { get; set; }
}
