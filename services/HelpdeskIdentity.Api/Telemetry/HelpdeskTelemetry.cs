using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HelpdeskIdentity.Api.Telemetry;

/// <summary>The service's one ActivitySource and one Meter, and every instrument on it.</summary>
public static class HelpdeskTelemetry
{
    public const string Name = "HelpdeskIdentity";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> AccountsCreated =
        Meter.CreateCounter<long>("helpdesk_identity.accounts.created", "{account}", "Accounts created, by source.");

    public static readonly Counter<long> TicketsProcessed =
        Meter.CreateCounter<long>("helpdesk_identity.tickets.processed", "{ticket}", "Ticket messages handled, by result.");

    public static readonly Counter<long> TicketsSkipped =
        Meter.CreateCounter<long>("helpdesk_identity.tickets.skipped", "{ticket}", "Tickets whose sender is not a person, by reason.");

    public static readonly Counter<long> TicketsRejected =
        Meter.CreateCounter<long>("helpdesk_identity.tickets.rejected", "{ticket}", "Ticket messages sent to the error queue, by reason.");

    public static readonly Histogram<double> TicketLag =
        Meter.CreateHistogram<double>("helpdesk_identity.tickets.lag", "s", "Consumer lag: from the ticket's receivedAt to its intake.");

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("helpdesk_identity.outbox.published", "{message}", "Outbox messages published to the bus, by type.");

    public static readonly Counter<long> OutboxFailures =
        Meter.CreateCounter<long>("helpdesk_identity.outbox.failures", "{message}", "Outbox publish attempts that failed and will be retried.");

    public static readonly Counter<long> EmailDeliveries =
        Meter.CreateCounter<long>("helpdesk_identity.email.deliveries", "{email}", "E-mail delivery attempts, by provider, category and result (sent, retried, failed).");

    public static readonly Counter<long> RateLimited =
        Meter.CreateCounter<long>("helpdesk_identity.rate_limited", "{request}", "Requests refused with 429 by a rate limit, by policy (sign-in, forgot-password, set-password, register, token).");
}
