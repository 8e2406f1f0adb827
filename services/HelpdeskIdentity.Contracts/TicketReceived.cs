using MassTransit;

namespace HelpdeskIdentity.Contracts;

/// <summary>
/// A ticket arrived at the helpdesk. Published by the helpdesk back-end to the
/// <c>helpdesk.ticket-received</c> exchange, either as a MassTransit envelope or as plain JSON
/// (content type <c>application/json</c>); see docs/events.md.
/// </summary>
[MessageUrn("helpdesk:ticket-received:v1")]
[EntityName(WireNames.TicketReceivedExchange)]
public sealed record TicketReceived
{
    /// <summary>The helpdesk's own id for the ticket; deliveries with the same id count once.</summary>
    public required string TicketId { get; init; }

    /// <summary>The sender as it appeared in the From header, e.g. <c>"Jan Jansen" &lt;jan@example.nl&gt;</c>.</summary>
    public required string From { get; init; }

    public string? Subject { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How the ticket came in: <c>email</c>, <c>web</c>, <c>phone</c>…</summary>
    public string? Channel { get; init; }
}
