namespace HelpdeskIdentity.Oidc.Tokens;

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);
