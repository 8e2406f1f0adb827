using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Oidc.Clients;

/// <summary>A configured client as OpenIddict's application: its type, secrets or keys, URIs, and the permissions its grant types and scopes imply.</summary>
internal static class ClientDescriptors
{
    public static OpenIddictApplicationDescriptor For(OidcClient client, OidcOptions options)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName.Length > 0 ? client.DisplayName : client.ClientId,
            ClientType = client.Type == ClientType.Confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ClientSecret = client.SecretHashes.Count > 0 ? string.Join(' ', client.SecretHashes) : null,
            JsonWebKeySet = string.IsNullOrWhiteSpace(client.JsonWebKeySet) ? null : new JsonWebKeySet(client.JsonWebKeySet),
            ConsentType = ConsentTypes.Implicit, // first-party clients: nothing to consent to
        };
        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u)));
        descriptor.Permissions.UnionWith(Permissions(client, options));
        if (client.Type == ClientType.Public)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (client.RequirePushedAuthorizationRequests)
        {
            descriptor.Requirements.Add(Requirements.Features.PushedAuthorizationRequests);
        }

        return descriptor;
    }

    private static IEnumerable<string> Permissions(OidcClient client, OidcOptions options)
    {
        var codeFlow = client.AllowedGrantTypes.Contains(HelpdeskIdentity.Oidc.Configuration.GrantTypes.AuthorizationCode);
        yield return OpenIddictConstants.Permissions.Endpoints.Token;
        yield return OpenIddictConstants.Permissions.Endpoints.Revocation;
        if (client.Type == ClientType.Confidential)
        {
            yield return OpenIddictConstants.Permissions.Endpoints.Introspection;
        }

        if (codeFlow)
        {
            yield return OpenIddictConstants.Permissions.Endpoints.Authorization;
            yield return OpenIddictConstants.Permissions.Endpoints.PushedAuthorization;
            yield return OpenIddictConstants.Permissions.Endpoints.EndSession;
            yield return OpenIddictConstants.Permissions.ResponseTypes.Code;
        }

        foreach (var grantType in client.AllowedGrantTypes)
        {
            yield return OpenIddictConstants.Permissions.Prefixes.GrantType + grantType;
        }

        foreach (var scope in client.AllowedScopes.Where(s => s != Scopes.OpenId))
        {
            yield return OpenIddictConstants.Permissions.Prefixes.Scope + scope;
        }

        foreach (var resource in options.ApiScopesAmong(client.AllowedScopes).Select(s => s.Resource).OfType<Uri>().Distinct())
        {
            yield return OpenIddictConstants.Permissions.Prefixes.Resource + resource.OriginalString;
        }
    }
}
