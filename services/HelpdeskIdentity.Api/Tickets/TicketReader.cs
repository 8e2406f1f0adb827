using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Contracts;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>Turns a <see cref="TicketReceived"/> from the wire into a <see cref="RequesterTicket"/>, or refuses it.</summary>
public static class TicketReader
{
    public const int MaxTicketIdLength = 200;

    /// <exception cref="InvalidTicketException">The message can never be processed.</exception>
    public static RequesterTicket Read(TicketReceived message)
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
