using HelpdeskIdentity.Oidc.Keys;
using HelpdeskIdentity.Oidc.Results;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary><c>/.well-known/jwks.json</c>: the published public keys, served from the cached key set.</summary>
public sealed class JwksEndpoint(SigningKeys keys)
{
    public async Task<JsonResult> HandleAsync(CancellationToken cancellationToken) =>
        new((await keys.GetAsync(cancellationToken)).JwksJson, cacheSeconds: 300);
}
