using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Oidc.Grants;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>Once an hour, deletes codes and refresh tokens that can no longer matter (see <see cref="IGrantStore.PruneAsync"/>).</summary>
internal sealed class GrantPruner(IGrantStore grants, TimeProvider clock, ILogger<GrantPruner> logger) : HourlyPruner(clock, logger)
{
    protected override string What => "expired authorization codes and refresh tokens";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) => grants.PruneAsync(Clock.GetUtcNow(), cancellationToken);
}
