using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.Extensions.Options;

using HelpdeskIdentity.Api.Hosting;
namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Deletes sessions a day past their end or their revocation, hourly (<see cref="SessionStore.PruneAsync"/>).</summary>
internal sealed class SessionPruner(SessionStore sessions, IOptions<OidcOptions> options, TimeProvider clock, ILogger<SessionPruner> logger)
    : HourlyPruner(clock, logger)
{
    protected override string What => "ended sessions";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        sessions.PruneAsync(Clock.GetUtcNow(), options.Value.RefreshTokenAbsoluteLifetime, cancellationToken);
}
