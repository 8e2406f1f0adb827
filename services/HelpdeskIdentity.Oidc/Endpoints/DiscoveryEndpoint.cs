using System.Text.Json;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary><c>/.well-known/openid-configuration</c>: built once from the configured issuer, never from the request.</summary>
public sealed class DiscoveryEndpoint(IOptions<OidcOptions> options)
{
    private readonly byte[] _document = Build(options.Value);

    public JsonResult Handle() => new(_document, cacheSeconds: 3600);

    private static byte[] Build(OidcOptions options)
    {
        var issuer = options.Issuer.TrimEnd('/');
        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["issuer"] = options.Issuer,
            ["authorization_endpoint"] = issuer + OidcPaths.Authorize,
            ["token_endpoint"] = issuer + OidcPaths.Token,
            ["userinfo_endpoint"] = issuer + OidcPaths.UserInfo,
            ["jwks_uri"] = issuer + OidcPaths.Jwks,
            ["end_session_endpoint"] = issuer + OidcPaths.EndSession,
            ["introspection_endpoint"] = issuer + OidcPaths.Introspection,
            ["revocation_endpoint"] = issuer + OidcPaths.Revocation,
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["grant_types_supported"] = GrantTypes.All,
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post", "none" },
            ["introspection_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["revocation_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post", "none" },
            ["scopes_supported"] = StandardScopes.All.Concat(options.ApiScopes.Select(s => s.Name)).ToArray(),
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "sid", "name", "email", "email_verified", "organization" },
            ["prompt_values_supported"] = new[] { "none", "login", "create" },
            ["authorization_response_iss_parameter_supported"] = true,
            ["request_parameter_supported"] = false,
            ["request_uri_parameter_supported"] = false,
            ["claims_parameter_supported"] = false,
        });
    }
}
