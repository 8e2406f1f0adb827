using OpenIddict.EntityFrameworkCore.Models;

namespace HelpdeskIdentity.Api.Oidc.Storage;

/// <summary>A stored token (authorization code, refresh token, access token reference) in <c>openiddict_tokens</c>.</summary>
public sealed class OidcToken : OpenIddictEntityFrameworkCoreToken<string, OidcApplication, OidcAuthorization>
{
    public OidcToken() => Id = Guid.NewGuid().ToString();
}
