using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// Once an hour, OpenIddict's own pruning of tokens and authorizations that can no longer matter: spent, revoked or
/// expired, and older than a refresh chain can live — so a replayed refresh token is still recognised as reuse (and
/// ends its chain) for as long as the chain could exist.
/// </summary>
internal sealed class GrantPruner(IServiceScopeFactory scopes, IOptions<OidcOptions> options, TimeProvider clock, ILogger<GrantPruner> logger)
    : HourlyPruner(clock, logger)
{
    protected override string What => "spent, revoked or expired OpenIddict tokens and authorizations";

    public override async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = Clock.GetUtcNow() - options.Value.RefreshTokenAbsoluteLifetime;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        return (int)(tokens + authorizations);
    }
}
