using HelpdeskIdentity.Api.Accounts;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// One sender's tickets in an intake transaction, as the account sees them: how many, the first and last received,
/// the first acceptable name (a ticket's name is only ever suggested, docs/security.md finding 2), and the first
/// ticket's address form and id. <see cref="Indexes"/> are the tickets' places in the transaction, in arrival order.
/// </summary>
internal sealed record SenderTickets(
    string Email, string Domain, string DisplayAddress, string? DisplayName, string FirstTicketId,
    int Count, DateTimeOffset FirstReceivedAt, DateTimeOffset LastReceivedAt, IReadOnlyList<int> Indexes)
{
    public static SenderTickets Of(IReadOnlyList<(int Index, RequesterTicket Ticket)> tickets)
    {
        var first = tickets[0].Ticket;
        return new SenderTickets(
            first.Sender.Address,
            first.Sender.Domain,
            first.Sender.DisplayAddress,
            tickets.Select(t => PersonName.Acceptable(t.Ticket.Sender.DisplayName)).FirstOrDefault(name => name is not null),
            first.TicketId,
            tickets.Count,
            tickets.Min(t => t.Ticket.ReceivedAt),
            tickets.Max(t => t.Ticket.ReceivedAt),
            tickets.Select(t => t.Index).ToList());
    }
}
