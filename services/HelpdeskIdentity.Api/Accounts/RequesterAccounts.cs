using HelpdeskIdentity.Api.Accounts.Invitation;
using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Api.Telemetry;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Decides what a ticket means for its sender's account: skip, count, or create.</summary>
public sealed partial class RequesterAccounts(
    IRequesterAccountStore store,
    SenderFilter senderFilter,
    PublicMailDomains publicMailDomains,
    OutboxSignal outboxSignal,
    Invitations invitations,
    ILogger<RequesterAccounts> logger)
{
    public async Task<TicketIntakeResult> RecordTicketAsync(RequesterTicket ticket, CancellationToken cancellationToken)
    {
        if (senderFilter.SkipReason(ticket.Sender) is { } reason)
        {
            HelpdeskTelemetry.TicketsSkipped.Add(1, new KeyValuePair<string, object?>("reason", reason));
            LogSkipped(ticket.TicketId, reason);
            return TicketIntakeResult.Skipped;
        }

        var organizationDomain = publicMailDomains.IsPublic(ticket.Sender.Domain) ? null : ticket.Sender.Domain;
        var result = await store.RecordTicketAsync(ticket, organizationDomain, invitations.Enabled ? invitations.SendAsync : null, cancellationToken);
        if (result == TicketIntakeResult.Created)
        {
            HelpdeskTelemetry.AccountsCreated.Add(1, new KeyValuePair<string, object?>("source", "ticket"));
            outboxSignal.Notify();
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} skipped: the sender is not a person ({SkipReason})")]
    private partial void LogSkipped(string ticketId, string skipReason);
}
