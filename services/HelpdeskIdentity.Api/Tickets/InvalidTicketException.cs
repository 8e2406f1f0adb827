namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// A ticket message that can never be processed. Not retried: MassTransit moves it to the error
/// queue, with <see cref="Reason"/> in the fault, and the consumer goes on with the next message.
/// </summary>
public sealed class InvalidTicketException(string reason, string message) : Exception(message)
{
    /// <summary>A stable kebab-case reason, used as a metric tag.</summary>
    public string Reason { get; } = reason;
}
