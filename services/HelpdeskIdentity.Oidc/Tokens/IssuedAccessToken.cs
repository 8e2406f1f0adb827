namespace HelpdeskIdentity.Oidc.Tokens;

public sealed record IssuedAccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt);
