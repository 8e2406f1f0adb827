using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Authentication;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The OIDC library's view of the session cookie the sign-in page sets.</summary>
public sealed class CookieUserSession(ServerSessions sessions) : IUserSession
{
    public async Task<UserSession?> GetCurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(SessionCookie.Scheme);
        return result.Succeeded ? SessionPrincipal.Read(result.Principal) : null;
    }

    /// <summary>Signs this browser out: its server-side session ends with its refresh tokens, and the cookie goes.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        if (await GetCurrentAsync(context) is { } current)
        {
            await sessions.EndAsync(current, context.RequestAborted);
        }

        await context.SignOutAsync(SessionCookie.Scheme);
    }
}
