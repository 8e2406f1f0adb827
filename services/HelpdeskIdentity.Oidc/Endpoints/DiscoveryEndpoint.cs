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
            ["jwks_uri"] = issuer + OidcPaths.Jwks,
            ["token_endpoint"] = issuer + OidcPaths.Token,
            ["introspection_endpoint"] = issuer + OidcPaths.Introspection,
            ["revocation_endpoint"] = issuer + OidcPaths.Revocation,
            ["grant_types_supported"] = new[] { GrantTypes.ClientCredentials },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["introspection_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["revocation_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post", "none" },
            ["scopes_supported"] = StandardScopes.All.Concat(options.ApiScopes.Select(s => s.Name)).ToArray(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
    }
}
