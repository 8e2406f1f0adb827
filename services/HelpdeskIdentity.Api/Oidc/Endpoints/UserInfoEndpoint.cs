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
/// <c>openid</c> allows, for its subject; only tokens whose <c>aud</c> names this provider, never one minted for another API.
/// A token whose grant was revoked never gets here: OpenIddict refuses it (Server/GrantOfSelfContainedTokens).
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IProfileService profiles, IOptions<OidcOptions> options)
    {
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = token?.GetClaim(Claims.Subject);
        if (token is null || subject is null || !token.HasScope(Scopes.OpenId) || token.GetPresenters().Contains(subject, StringComparer.Ordinal)
            || !token.GetAudiences().Contains(options.Value.Issuer, StringComparer.Ordinal))
        {
            return ProtocolResults.Challenge(Errors.InvalidToken, "The access token was not issued for openid and this provider.");
        }

        var claims = await profiles.GetClaimsAsync(subject, token.GetScopes(), context.RequestAborted);
        return claims is null
            ? ProtocolResults.Challenge(Errors.InvalidToken, "The user no longer exists or may not sign in.")
            : Results.Json(new Dictionary<string, object>(claims) { [Claims.Subject] = subject });
    }
}
