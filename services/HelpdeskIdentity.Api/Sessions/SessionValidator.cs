using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// The cookie's <c>OnValidatePrincipal</c>, so every request that reads the session — each page and each
/// authorization request — asks <see cref="ServerSessions.IsLiveAsync"/>: the session's row must be live and the
/// account's security stamp the one the session was issued for. A cookie that fails is rejected and deleted.
/// </summary>
public sealed partial class SessionValidator(ServerSessions sessions, ILogger<SessionValidator> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && await sessions.IsLiveAsync(principal, context.HttpContext.RequestAborted))
        {
            return;
        }

        LogEnded(SessionPrincipal.Read(context.Principal)?.SubjectId ?? "unknown");
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SessionCookie.Scheme);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of account {AccountId} refused: signed out, ended elsewhere, past its lifetime, or the account's security stamp changed")]
    private partial void LogEnded(string accountId);
}
