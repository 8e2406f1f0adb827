namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>What an authorization code stands for. Only the SHA-256 of the code itself is stored.</summary>
public sealed record AuthorizationCode(
    string CodeHash,
    string ClientId,
    string RedirectUri,
    string SubjectId,
    string SessionId,
    DateTimeOffset AuthenticatedAt,
    IReadOnlyList<string> Scopes,
    string? Nonce,
    string? CodeChallenge,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string>? Methods = null);
