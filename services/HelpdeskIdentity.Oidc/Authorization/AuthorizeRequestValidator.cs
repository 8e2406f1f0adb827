using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;

namespace HelpdeskIdentity.Oidc.Authorization;

/// <summary>
/// Checks an authorization request in the order that keeps redirects safe: first the client and
/// its exact redirect URI (errors before that are shown, not redirected), then everything else.
/// Only <c>response_type=code</c>; PKCE S256 required for public clients and enforced for anyone
/// who sends a challenge; <c>plain</c> refused. <c>prompt</c>: <c>none</c> (alone), <c>login</c>, <c>create</c>
/// (OpenID Connect Prompt Create 1.0), <c>consent</c> (accepted: nothing to consent to). A repeated
/// parameter is refused (RFC 6749 §3.1), shown when it is client_id or redirect_uri, else returned.
/// </summary>
public sealed partial class AuthorizeRequestValidator(IClientStore clients)
{
    // consent: every client is first-party, so there is nothing to ask; the request proceeds.
    private static readonly string[] Prompts = ["none", "login", "create", "consent"];

    public async Task<AuthorizeValidation> ValidateAsync(IReadOnlyDictionary<string, string> parameters, IReadOnlyCollection<string> repeated, CancellationToken cancellationToken)
    {
        string? Get(string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        if (repeated.FirstOrDefault(name => name is "client_id" or "redirect_uri") is { } unsafeToRedirect)
        {
            return AuthorizeValidation.ShowError(ProtocolError.InvalidRequest($"The parameter '{unsafeToRedirect}' appears more than once."));
        }

        var clientId = Get("client_id");
        var client = clientId is null ? null : await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return AuthorizeValidation.ShowError(ProtocolError.InvalidRequest("The client_id is missing or unknown."));
        }

        var redirectUri = Get("redirect_uri");
        if (redirectUri is null || !client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return AuthorizeValidation.ShowError(ProtocolError.InvalidRequest("The redirect_uri is missing or not registered for this client."));
        }

        var state = Get("state");
        AuthorizeValidation Fail(string error, string description) =>
            AuthorizeValidation.ReturnError(new ProtocolError(error, description), redirectUri, state);

        if (repeated.FirstOrDefault() is { } twice)
        {
            return Fail("invalid_request", $"The parameter '{twice}' appears more than once.");
        }

        if (Get("request") is not null)
        {
            return Fail("request_not_supported", "Request objects are not supported.");
        }

        if (Get("request_uri") is not null)
        {
            return Fail("request_uri_not_supported", "request_uri is not supported.");
        }

        if (Get("response_type") != "code")
        {
            return Fail("unsupported_response_type", "Only response_type=code is supported.");
        }

        if (!client.AllowedGrantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            return Fail("unauthorized_client", "This client may not use the authorization code flow.");
        }

        if (Get("response_mode") is { } mode && mode != "query")
        {
            return Fail("invalid_request", "Only response_mode=query is supported.");
        }

        var scopes = (Get("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            return Fail("invalid_scope", "scope is required.");
        }

        if (scopes.FirstOrDefault(s => !client.AllowedScopes.Contains(s)) is { } refused)
        {
            return Fail("invalid_scope", $"The scope '{refused}' is not allowed for this client.");
        }

        var challenge = Get("code_challenge");
        var method = Get("code_challenge_method");
        if (challenge is null && (client.Type == ClientType.Public || method is not null))
        {
            return Fail("invalid_request", "code_challenge is required (PKCE with S256).");
        }

        if (challenge is not null && method != "S256")
        {
            return Fail("invalid_request", "code_challenge_method must be S256; plain is not accepted.");
        }

        if (challenge is not null && !Base64UrlSha256().IsMatch(challenge))
        {
            return Fail("invalid_request", "code_challenge must be the base64url SHA-256 of the verifier (43 characters).");
        }

        var prompt = Get("prompt");
        if (prompt is not null && (prompt.Split(' ').Any(p => !Prompts.Contains(p)) || (prompt.Contains("none", StringComparison.Ordinal) && prompt != "none")))
        {
            return Fail("invalid_request", "prompt must be none, login or create; none stands alone.");
        }

        TimeSpan? maxAge = null;
        if (Get("max_age") is { } maxAgeText)
        {
            if (!int.TryParse(maxAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Fail("invalid_request", "max_age must be a whole number of seconds.");
            }

            maxAge = TimeSpan.FromSeconds(seconds);
        }

        if (Get("nonce") is { Length: > 500 } || Get("state") is { Length: > 2000 } || Get("login_hint") is { Length: > 320 } || Get("acr_values") is { Length: > 500 })
        {
            return Fail("invalid_request", "nonce, state, login_hint or acr_values is too long.");
        }

        return AuthorizeValidation.Valid(new AuthorizeRequest(
            client, redirectUri, scopes, state, Get("nonce"), challenge, prompt, maxAge, Get("login_hint"), Get("ui_locales"), Get("acr_values")));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64UrlSha256();
}
