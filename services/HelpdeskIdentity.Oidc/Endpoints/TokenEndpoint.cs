using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>
/// <c>/connect/token</c> (RFC 6749 §3.2): authenticates the client, validates the grant, issues tokens.
/// Supported so far: <c>client_credentials</c> for confidential clients.
/// </summary>
public sealed class TokenEndpoint(ClientAuthenticator authenticator, AccessTokenFactory accessTokens, IOptions<OidcOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (form, invalid) = await ProtocolRequest.ReadFormAsync(context.Request, cancellationToken);
        if (form is null)
        {
            return JsonResult.Error(invalid!);
        }

        var authentication = await authenticator.AuthenticateAsync(context.Request, form, cancellationToken);
        if (authentication.Client is not { } client)
        {
            return JsonResult.Error(authentication.Error!, authentication.UsedBasic);
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("grant_type is required."));
        }

        if (grantType != GrantTypes.ClientCredentials)
        {
            return JsonResult.Error(ProtocolError.UnsupportedGrantType($"The grant type '{grantType}' is not supported here."));
        }

        if (!client.AllowedGrantTypes.Contains(grantType))
        {
            return JsonResult.Error(ProtocolError.UnauthorizedClient($"This client may not use {grantType}."));
        }

        var (scopes, scopeError) = ClientCredentialsScopes(client, form["scope"].ToString());
        if (scopeError is not null)
        {
            return JsonResult.Error(scopeError);
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
    private (IReadOnlyCollection<string> Scopes, ProtocolError? Error) ClientCredentialsScopes(OidcClient client, string requested)
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
