using HelpdeskIdentity.Oidc.Clients;

namespace HelpdeskIdentity.Oidc.Authorization;

/// <summary>A validated authorization request.</summary>
public sealed record AuthorizeRequest(
    OidcClient Client,
    string RedirectUri,
    IReadOnlyList<string> Scopes,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    string? Prompt,
    TimeSpan? MaxAge,
    string? LoginHint,
    string? UiLocales,
    string? AcrValues = null);
