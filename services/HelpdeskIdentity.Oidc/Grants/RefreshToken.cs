namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>
/// A refresh token (opaque; only its SHA-256 is stored). Tokens that replace each other form a
/// family: presenting a replaced token again revokes the whole family (RFC 9700 §4.14.2).
/// </summary>
public sealed record RefreshToken(
    string TokenHash,
    Guid FamilyId,
    string ClientId,
    string SubjectId,
    string SessionId,
    DateTimeOffset AuthenticatedAt,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt,
    DateTimeOffset FamilyExpiresAt);
