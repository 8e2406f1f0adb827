namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// A ticket message that can never be processed. Not retried: MassTransit moves it to the error
/// queue with the message "<see cref="Reason"/>: explanation" in its fault header, and the consumer goes
/// on with the next message.
/// </summary>
public sealed class InvalidTicketException(string reason, string explanation) : Exception($"{reason}: {explanation}")
{
    /// <summary>A stable kebab-case reason, used as a metric tag.</summary>
    public string Reason { get; } = reason;
}
