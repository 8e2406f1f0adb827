using HelpdeskIdentity.Api.Oidc.Storage;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using HelpdeskIdentity.Api.Oidc.Endpoints;
using OpenIddict.Core;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Records the browser session (<c>sid</c>) an authorization was granted in, from the principal OpenIddict creates it
/// for, so <see cref="GrantRevocations"/> ends everything a session was issued with one UPDATE.
/// </summary>
internal sealed class SessionAuthorizationManager(
    IOpenIddictAuthorizationCache<OidcAuthorization> cache,
    ILogger<OpenIddictAuthorizationManager<OidcAuthorization>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictAuthorizationStore<OidcAuthorization> store)
    : OpenIddictAuthorizationManager<OidcAuthorization>(cache, logger, options, store)
{
    public override async ValueTask PopulateAsync(OidcAuthorization authorization, OpenIddictAuthorizationDescriptor descriptor, CancellationToken cancellationToken = default)
    {
        await base.PopulateAsync(authorization, descriptor, cancellationToken);
        authorization.SessionId ??= descriptor.Principal?.FindFirst(ProtocolClaims.SessionId)?.Value;
    }
}
