namespace HelpdeskIdentity.Oidc.Keys;

/// <summary>
/// A signing key as stored: the private key only in protected (encrypted) form, the public JWK in
/// the clear. It signs from <see cref="ActivatesAt"/> until its successor activates (normally
/// <see cref="RetiresAt"/>), and is published in JWKS from creation until
/// <see cref="RetiresAt"/> plus the longest token lifetime.
/// </summary>
public sealed record StoredSigningKey(
    string KeyId,
    string Algorithm,
    string ProtectedPrivateKey,
    string PublicJwk,
    DateTimeOffset CreatedAt,
    DateTimeOffset ActivatesAt,
    DateTimeOffset RetiresAt);
