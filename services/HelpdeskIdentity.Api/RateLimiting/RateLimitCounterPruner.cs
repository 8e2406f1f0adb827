using HelpdeskIdentity.Api.Data;

using HelpdeskIdentity.Api.Hosting;
namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>Once an hour, deletes the shared counters of windows that have ended.</summary>
internal sealed class RateLimitCounterPruner(RateLimitCounters counters, TimeProvider clock, ILogger<RateLimitCounterPruner> logger) : HourlyPruner(clock, logger)
{
    protected override string What => "ended rate-limit windows";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) => counters.PruneAsync(cancellationToken);
}
