namespace HelpdeskIdentity.Oidc.Tokens;

/// <summary>What a user granted a client, carried from a code or refresh token into new tokens.</summary>
public sealed record UserGrant(
    string ClientId,
    string SubjectId,
    string SessionId,
    DateTimeOffset AuthenticatedAt,
    IReadOnlyList<string> Scopes,
    string? Nonce,
    IReadOnlyList<string>? Methods = null);
