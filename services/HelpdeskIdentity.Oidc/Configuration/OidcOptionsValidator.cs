using System.Text.RegularExpressions;
using HelpdeskIdentity.Oidc.Clients;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>Refuses client registrations that would be unsafe or cannot work; each message names the setting.</summary>
public sealed partial class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var problems = new List<string>();
        var knownScopes = StandardScopes.All.Concat(options.ApiScopes.Select(s => s.Name)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiScopes.Count; i++)
        {
            if (!ScopeName().IsMatch(options.ApiScopes[i].Name) || string.IsNullOrWhiteSpace(options.ApiScopes[i].Audience))
            {
                problems.Add($"Oidc:ApiScopes:{i} needs a Name (letters, digits, '.', '_', '-', ':') and an Audience.");
            }
            else if (options.ApiScopes[i].Resource is { } resource && resource.AbsoluteUri != options.ApiScopes[i].Audience)
            {
                // A client names the API by its normal form (RFC 8707 resource), which must be the token's aud too.
                problems.Add($"Oidc:ApiScopes:{i}:Audience must be written in its normal form, '{resource.AbsoluteUri}', to be named as a resource.");
            }
        }

        problems.AddRange(SigningKeyProblems(options.SigningKeys));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Clients.Count; i++)
        {
            problems.AddRange(ClientProblems($"Oidc:Clients:{i}", options.Clients[i], knownScopes, ids));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>
    /// Checked here because data annotations on the nested section are not validated. A key must be in
    /// JWKS longer than any client caches it (our JWKS says max-age=300), so an announcement under an
    /// hour would let clients meet a token signed by a key they have not fetched yet.
    /// </summary>
    private static IEnumerable<string> SigningKeyProblems(SigningKeyOptions keys)
    {
        if (keys.RotationInterval < SigningKeyOptions.MinimumRotationInterval || keys.RotationInterval > TimeSpan.FromDays(365))
        {
            yield return "Oidc:SigningKeys:RotationInterval must be between 1 hour and 365 days.";
        }

        if (keys.AnnounceBefore < SigningKeyOptions.MinimumAnnounceBefore || keys.AnnounceBefore >= keys.RotationInterval)
        {
            yield return "Oidc:SigningKeys:AnnounceBefore must be at least 1 hour and shorter than Oidc:SigningKeys:RotationInterval.";
        }

        if (keys.RefreshInterval < TimeSpan.FromSeconds(1) || keys.RefreshInterval > TimeSpan.FromMinutes(5))
        {
            yield return "Oidc:SigningKeys:RefreshInterval must be between 1 second and 5 minutes.";
        }
    }

    private static IEnumerable<string> ClientProblems(string key, OidcClient client, HashSet<string> knownScopes, HashSet<string> ids)
    {
        if (!ClientId().IsMatch(client.ClientId) || !ids.Add(client.ClientId))
        {
            yield return $"{key}:ClientId must be unique, 1-100 characters of letters, digits, '.', '_', '-'.";
        }

        if (client.Type == ClientType.Confidential && (client.SecretHashes.Count == 0 ? string.IsNullOrWhiteSpace(client.JsonWebKeySet) : !client.SecretHashes.All(Sha256Hex().IsMatch)))
        {
            yield return $"{key}:SecretHashes must hold the SHA-256 of each secret as 64 lower-case hex digits (printf %s \"$SECRET\" | sha256sum), or {key}:JsonWebKeySet the client's public keys.";
        }

        if (!string.IsNullOrWhiteSpace(client.JsonWebKeySet) && JsonWebKeySetProblem(client.JsonWebKeySet) is { } keyProblem)
        {
            yield return $"{key}:JsonWebKeySet {keyProblem}";
        }

        if (client.Type == ClientType.Public && client.SecretHashes.Count > 0)
        {
            yield return $"{key}:SecretHashes: a public client cannot keep a secret; make it Confidential or remove the secrets.";
        }

        if (client.Type == ClientType.Public && client.AllowedGrantTypes.Contains(GrantTypes.ClientCredentials))
        {
            yield return $"{key}:AllowedGrantTypes: a public client cannot use client_credentials.";
        }

        foreach (var grant in client.AllowedGrantTypes.Where(g => !GrantTypes.All.Contains(g)))
        {
            yield return $"{key}:AllowedGrantTypes: '{grant}' is not supported (authorization_code, refresh_token, client_credentials).";
        }

        foreach (var scope in client.AllowedScopes.Where(s => !knownScopes.Contains(s)))
        {
            yield return $"{key}:AllowedScopes: '{scope}' is neither a standard scope nor in Oidc:ApiScopes.";
        }

        foreach (var uri in client.RedirectUris.Concat(client.PostLogoutRedirectUris).Where(u => !IsSafeRedirectUri(u)))
        {
            yield return $"{key}: redirect URI '{uri}' must be absolute https (or http on a loopback address) without a fragment.";
        }

        foreach (var origin in client.AllowedCorsOrigins.Where(o => !IsOrigin(o)))
        {
            yield return $"{key}:AllowedCorsOrigins: '{origin}' must be an origin such as https://portal.example.com (no path).";
        }
    }

    /// <summary>For <c>private_key_jwt</c>: a JWKS document of public signing keys; a private key ("d") is refused, it would be a secret in configuration.</summary>
    private static string? JsonWebKeySetProblem(string json)
    {
        try
        {
            var keys = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(json).Keys;
            return keys.Count == 0 ? "holds no key."
                : keys.Any(k => !string.IsNullOrEmpty(k.D)) ? "holds a private key; give only the public keys."
                : keys.Any(k => k.Kty is not ("RSA" or "EC")) ? "may hold only RSA or EC keys."
                : null;
        }
        catch (ArgumentException)
        {
            return "is not a JSON Web Key Set document ({\"keys\": [...]}).";
        }
    }

    internal static bool IsSafeRedirectUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && value.TrimEnd('/') == uri.GetLeftPart(UriPartial.Authority);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ClientId();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex ScopeName();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
