using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// A pushed request (RFC 9126) keeps its <c>prompt</c> and <c>max_age</c> until it is used, so they cannot be left off
/// the way back from the sign-in page as for a plain request. Instead, when this browser is sent to sign in for a pushed
/// request, a short-lived protected cookie remembers the request and the session it had then; coming back with a
/// different session means the person signed in for this request, which satisfies both (no loop with
/// <c>max_age=0</c>). The ID token's <c>auth_time</c> tells the client when.
/// </summary>
internal sealed class PushedRequestSignIns(IDataProtectionProvider dataProtection)
{
    private const string Cookie = "hdi.pushed-sign-in";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("HelpdeskIdentity.Oidc.PushedSignIn.v1").ToTimeLimitedDataProtector();

    public void Remember(HttpContext context, OpenIddictRequest request, UserSession? session)
    {
        if (request.RequestUri is { Length: > 0 } requestUri)
        {
            context.Response.Cookies.Append(Cookie, _protector.Protect($"{requestUri}\n{session?.SessionId}", Lifetime), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = OidcPaths.Authorize,
                MaxAge = Lifetime,
            });
        }
    }

    public bool SignedInFor(HttpContext context, OpenIddictRequest request, UserSession? session)
    {
        if (session is null || request.RequestUri is not { Length: > 0 } requestUri || context.Request.Cookies[Cookie] is not { } remembered)
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(remembered).Split('\n');
            return parts[0] == requestUri && parts[1] != session.SessionId;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // expired or not ours
        }
    }
}
