using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Contracts;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>Turns a <see cref="TicketReceived"/> from the wire into a <see cref="RequesterTicket"/>, or refuses it.</summary>
public static class TicketReader
{
    public const int MaxTicketIdLength = 200;

    /// <summary>How far ahead of this service's clock a publisher's may run: a ticket is not received in the future.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    /// <param name="now">This service's time, for the latest <c>receivedAt</c> that can be true.</param>
    /// <exception cref="InvalidTicketException">The message can never be processed.</exception>
    public static RequesterTicket Read(TicketReceived message, DateTimeOffset now)
    {
        var ticketId = message.TicketId?.Trim();
        if (string.IsNullOrEmpty(ticketId))
        {
            throw new InvalidTicketException("missing-ticket-id", "The message has no ticketId.");
        }

        if (ticketId.Length > MaxTicketIdLength || ticketId.Any(char.IsControl))
        {
            throw new InvalidTicketException("invalid-ticket-id", $"The ticketId is longer than {MaxTicketIdLength} characters or holds control characters.");
        }

        if (message.ReceivedAt == default)
        {
            throw new InvalidTicketException("missing-received-at", $"Ticket {ticketId} has no receivedAt.");
        }

        // An account keeps its first and last ticket time for good (LEAST and GREATEST): a year-9999 or year-1 time would
        // stand there for ever, and in the consumer-lag metric.
        if (message.ReceivedAt < DateTimeOffset.UnixEpoch || message.ReceivedAt > now + MaxClockSkew)
        {
            throw new InvalidTicketException("received-at-out-of-range",
                $"Ticket {ticketId}: receivedAt is before 1970 or more than {MaxClockSkew.TotalHours:0} hours ahead of this service's clock.");
        }

        var parsed = MailboxParser.Parse(message.From);
        if (parsed.Mailbox is null)
        {
            throw new InvalidTicketException(parsed.Reason!, $"Ticket {ticketId}: the sender is not a usable mailbox. {parsed.Message}");
        }

        if (LookalikeDomains.Refusal(parsed.Mailbox) is { } lookalike)
        {
            throw new InvalidTicketException(lookalike, $"Ticket {ticketId}: the sender's address mixes scripts or holds a symbol, as look-alike addresses do; registration refuses it too.");
        }

        return new RequesterTicket(ticketId, parsed.Mailbox, message.ReceivedAt.ToUniversalTime());
    }
}
