using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>Once an hour, forgets ticket ids counted longer ago than <c>Tickets:RememberTicketIdsFor</c> (decision 0003).</summary>
internal sealed class TicketIdPruner(
    IRequesterAccountStore store, IOptions<TicketIntakeOptions> options, TimeProvider clock, ILogger<TicketIdPruner> logger)
    : HourlyPruner(clock, logger)
{
    protected override string What => "ticket ids past Tickets:RememberTicketIdsFor";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.ForgetTicketIdsAsync(options.Value.RememberTicketIdsFor, cancellationToken);
}
