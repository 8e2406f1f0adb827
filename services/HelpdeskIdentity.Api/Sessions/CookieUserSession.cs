using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Authentication;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The OIDC library's view of the session cookie the sign-in page sets.</summary>
public sealed class CookieUserSession(ServerSessions sessions, AuditTrail audit) : IUserSession
{
    public async Task<UserSession?> GetCurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(SessionCookie.Scheme);
        return result.Succeeded ? SessionPrincipal.Read(result.Principal) : null;
    }

    public Task<bool> SatisfiesAsync(HttpContext context, UserSession session, string? acrValues) =>
        context.RequestServices.GetRequiredService<StepUp>().SatisfiesAsync(session, acrValues);

    /// <summary>Signs this browser out: its server-side session ends with its refresh tokens, and the cookie goes.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        var ending = await GetCurrentAsync(context);
        var ended = ending is not null && await sessions.EndAsync(ending, context.RequestAborted);
        await context.SignOutAsync(SessionCookie.Scheme);
        if (ending is not null && ended)
        {
            await audit.RecordAsync(new(AuditEventTypes.SessionEnded, Guid.Parse(ending.SubjectId), SessionId: ending.SessionId), CancellationToken.None);
        }
    }
}
