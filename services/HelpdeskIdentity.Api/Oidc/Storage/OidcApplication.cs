using OpenIddict.EntityFrameworkCore.Models;

namespace HelpdeskIdentity.Api.Oidc.Storage;

/// <summary>A registered client, in OpenIddict's <c>openiddict_applications</c> table (seeded from <c>Oidc:Clients</c>).</summary>
public sealed class OidcApplication : OpenIddictEntityFrameworkCoreApplication<string, OidcAuthorization, OidcToken>
{
    public OidcApplication() => Id = Guid.NewGuid().ToString();
}
