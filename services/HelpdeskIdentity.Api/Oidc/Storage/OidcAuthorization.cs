using OpenIddict.EntityFrameworkCore.Models;

namespace HelpdeskIdentity.Api.Oidc.Storage;

/// <summary>
/// One sign-in's grant to one client, in <c>openiddict_authorizations</c>. <see cref="SessionId"/> is the
/// browser session (<c>sid</c>) it was granted in, so everything a session was issued can be revoked at once.
/// </summary>
public sealed class OidcAuthorization : OpenIddictEntityFrameworkCoreAuthorization<string, OidcApplication, OidcToken>
{
    public OidcAuthorization() => Id = Guid.NewGuid().ToString();

    public string? SessionId { get; set; }
}
