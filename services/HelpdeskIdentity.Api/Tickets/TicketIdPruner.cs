using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>Once an hour, forgets ticket ids counted longer ago than <c>Tickets:RememberTicketIdsFor</c> (decision 0003).</summary>
internal sealed class TicketIdPruner(
    NpgsqlDataSource dataSource, IOptions<TicketIntakeOptions> options, TimeProvider clock, ILogger<TicketIdPruner> logger)
    : HourlyPruner(clock, logger)
{
    // ingested_at is the database's clock (TicketIntakeSql), so its age is measured on that clock too.
    private const string ForgetTicketIds = "DELETE FROM ingested_tickets WHERE ingested_at < clock_timestamp() - @age";

    protected override string What => "ticket ids past Tickets:RememberTicketIdsFor";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, ForgetTicketIds, cancellationToken, ("age", options.Value.RememberTicketIdsFor));
}
