using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Keys;

/// <summary>The keys as of one moment: what signs, what validates, and the JWKS document, ready to serve.</summary>
public sealed record SigningKeySet(
    SigningCredentials Signing,
    IReadOnlyList<SecurityKey> ValidationKeys,
    byte[] JwksJson,
    DateTimeOffset ValidUntil);
