using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary><c>client_credentials</c>: a confidential client acting for itself, with API scopes only.</summary>
public sealed class ClientCredentialsGrant(AccessTokenFactory accessTokens, IOptions<OidcOptions> options) : IGrantHandler
{
    public string GrantType => GrantTypes.ClientCredentials;

    public async Task<IResult> HandleAsync(OidcClient client, IFormCollection form, CancellationToken cancellationToken)
    {
        if (client.Type != ClientType.Confidential)
        {
            return JsonResult.Error(ProtocolError.UnauthorizedClient("Only confidential clients may use client_credentials."));
        }

        var (scopes, error) = Scopes(client, form["scope"].ToString());
        if (error is not null)
        {
            return JsonResult.Error(error);
        }

        var token = await accessTokens.CreateAsync(client.ClientId, client.ClientId, scopes, cancellationToken);
        return JsonResult.From(new Dictionary<string, object>
        {
            ["access_token"] = token.Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.Value.AccessTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(' ', scopes),
        });
    }

    /// <summary>API scopes only (no user is involved); none asked means all the client may have.</summary>
    private (IReadOnlyCollection<string> Scopes, ProtocolError? Error) Scopes(OidcClient client, string requested)
    {
        var apiScopes = options.Value.ApiScopes.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var allowed = client.AllowedScopes.Where(apiScopes.Contains).ToList();
        if (requested.Length == 0)
        {
            return allowed.Count > 0 ? (allowed, null) : ([], ProtocolError.InvalidScope("The client has no API scopes."));
        }

        var scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var refused = scopes.FirstOrDefault(s => !allowed.Contains(s));
        return refused is null ? (scopes, null) : ([], ProtocolError.InvalidScope($"The scope '{refused}' is not allowed for this client and grant."));
    }
}
