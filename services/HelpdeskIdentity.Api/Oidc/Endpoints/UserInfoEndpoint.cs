using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// <c>/connect/userinfo</c> (OIDC Core §5.3) after OpenIddict validated the bearer token: the claims an access token with
/// <c>openid</c> allows, for its subject; only tokens whose <c>aud</c> names this provider, never one minted for another API,
/// and only while the grant they were issued under stands.
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IProfileService profiles, IOpenIddictAuthorizationManager grants, IOptions<OidcOptions> options)
    {
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = token?.GetClaim(Claims.Subject);
        if (token is null || subject is null || !token.HasScope(Scopes.OpenId) || token.GetPresenters().Contains(subject, StringComparer.Ordinal)
            || !token.GetAudiences().Contains(options.Value.Issuer, StringComparer.Ordinal))
        {
            return ProtocolResults.Challenge(Errors.InvalidToken, "The access token was not issued for openid and this provider.");
        }

        if (token.GetClaim(ProtocolClaims.Grant) is not { } grantId
            || await grants.FindByIdAsync(grantId, context.RequestAborted) is not { } grant
            || !await grants.HasStatusAsync(grant, Statuses.Valid, context.RequestAborted))
        {
            return ProtocolResults.Challenge(Errors.InvalidToken, "The grant this access token was issued under has been revoked.");
        }

        var claims = await profiles.GetClaimsAsync(subject, token.GetScopes(), context.RequestAborted);
        return claims is null
            ? ProtocolResults.Challenge(Errors.InvalidToken, "The user no longer exists or may not sign in.")
            : Results.Json(new Dictionary<string, object>(claims) { [Claims.Subject] = subject });
    }
}
