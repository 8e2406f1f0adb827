using System.Security.Claims;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// <c>/connect/token</c> after OpenIddict authenticated the client and checked the grant (a code's client, redirect
/// URI and PKCE verifier; a refresh token's rotation and reuse): for a person, their grant with today's profile; for
/// <c>client_credentials</c>, the client itself with API scopes only (none asked means all it may have), for the APIs
/// those scopes are for, or only the one named by <c>resource</c> (RFC 8707).
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserPrincipals principals, IOptions<OidcOptions> options)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        if (request.IsClientCredentialsGrantType())
        {
            return ForClient(request, options.Value, principals);
        }

        var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = granted.Principal is { } grant ? await principals.FromGrantAsync(grant, context.RequestAborted) : null;
        return principal is null
            ? ProtocolResults.Refuse(Errors.InvalidGrant, "The user can no longer sign in, or the refresh token reached its absolute lifetime.")
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult ForClient(OpenIddictRequest request, OidcOptions options, UserPrincipals principals)
    {
        var client = options.Clients.Single(c => c.ClientId == request.ClientId);
        var apiScopes = options.ApiScopes.Select(s => s.Name).Where(client.AllowedScopes.Contains).ToList();
        var scopes = request.GetScopes() is { Length: > 0 } asked ? [.. asked] : apiScopes;
        if (scopes.Count == 0)
        {
            return ProtocolResults.Refuse(Errors.InvalidScope, "The client has no API scopes.");
        }

        if (scopes.FirstOrDefault(s => !apiScopes.Contains(s)) is { } refused)
        {
            return ProtocolResults.Refuse(Errors.InvalidScope, $"The scope '{refused}' is not allowed for this client and grant.");
        }

        // RFC 8707: a client may name the one API (resource) it wants this token for; the token is then for it alone.
        var audiences = principals.Audiences(scopes).ToList();
        var resources = request.GetResources();
        if (resources.FirstOrDefault(r => !audiences.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            return ProtocolResults.Refuse(Errors.InvalidTarget, $"The resource '{unknown}' is not the audience of any scope granted here.");
        }

        var identity = new ClaimsIdentity("HelpdeskIdentity", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        var principal = new ClaimsPrincipal(identity).SetScopes(scopes).SetResources(resources.Length > 0 ? resources : audiences);
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
