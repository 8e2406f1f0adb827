using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// <c>/connect/endsession</c> (OIDC RP-Initiated Logout) after OpenIddict validated the <c>id_token_hint</c> (signed by
/// any key we ever used; expiry does not matter): the hint is required, and names the session whose grants end even
/// when this browser has no cookie; this browser's session ends too when it is the same person's. Back to the hint's
/// client's exactly registered <c>post_logout_redirect_uri</c> with <c>state</c>, or a signed-out page.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IUserSession sessions, GrantRevocations revocations, IOptions<OidcOptions> options)
    {
        if (context.GetOpenIddictServerResponse() is { Error: { } error } refused)
        {
            return ProtocolResults.ErrorPage(error, refused.ErrorDescription);
        }

        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        var hint = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = hint?.GetClaim(Claims.Subject);
        var client = hint?.GetAudiences() is [var audience] ? options.Value.Clients.FirstOrDefault(c => c.ClientId == audience) : null;
        if (subject is null || client is null)
        {
            return ProtocolResults.ErrorPage(Errors.InvalidRequest, "The logout request needs a valid id_token_hint issued by this provider.");
        }

        if (request.PostLogoutRedirectUri is { Length: > 0 } uri && !client.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal))
        {
            return ProtocolResults.ErrorPage(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered for this client.");
        }

        if (hint!.GetClaim(ProtocolClaims.SessionId) is { Length: > 0 } sid)
        {
            await revocations.RevokeSessionAsync(subject, sid, context.RequestAborted);
        }

        var session = await sessions.GetCurrentAsync(context);
        if (session is not null && session.SubjectId == subject)
        {
            await revocations.RevokeSessionAsync(session.SubjectId, session.SessionId, context.RequestAborted);
            await sessions.SignOutAsync(context);
        }

        return string.IsNullOrEmpty(request.PostLogoutRedirectUri)
            ? ProtocolResults.SignedOutPage()
            : Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
