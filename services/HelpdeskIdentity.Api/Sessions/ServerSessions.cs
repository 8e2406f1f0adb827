using System.Security.Claims;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// Server-side sessions (docs/decisions/0024-server-side-sessions.md): a row per browser sign-in whose id is the
/// cookie's <c>sid</c>. This class is the one place that says whether a session is still valid
/// (<see cref="IsLiveAsync"/>, asked by every page and authorization request through the cookie's validation), and
/// the one place that ends sessions, with the refresh tokens issued to them.
/// </summary>
public sealed class ServerSessions(SessionStore store, GrantRevocations grants, IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Records a new session for the principal just built (its <c>sid</c>), with an absolute end of
    /// <c>Accounts:KeepSignedInLifetime</c> or <c>Accounts:SessionLifetime</c>; returns the cookie's properties,
    /// which end at the same time and never slide. With <paramref name="handOverFrom"/> (this browser's session of the
    /// same person), that session's row ends in the same statement — a copy of its cookie stops working — and its grants
    /// pass to the new one, whose end ends them (docs/decisions/0061); <c>HandedOver</c> says whether it was still live.
    /// </summary>
    public async Task<(AuthenticationProperties Properties, bool HandedOver)> StartAsync(
        HttpContext context, ClaimsPrincipal principal, Guid accountId, bool persistent, string? handOverFrom)
    {
        var session = SessionPrincipal.Read(principal) ?? throw new ArgumentException("Not a session principal.", nameof(principal));
        var now = clock.GetUtcNow();
        var expiresAt = now + (persistent ? options.Value.KeepSignedInLifetime : options.Value.SessionLifetime);
        var handedOver = await store.CreateAsync(
            new ServerSession(session.SessionId, accountId, now, now, expiresAt, persistent, UserAgentSummary.Of(context.Request.Headers.UserAgent.ToString())),
            handOverFrom, context.RequestAborted);
        return (new AuthenticationProperties { IsPersistent = persistent, ExpiresUtc = expiresAt, AllowRefresh = false }, handedOver);
    }

    /// <summary>Whether the session is live: its row is this account's, not revoked, before its end, and the account's security stamp is unchanged.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        SessionPrincipal.Read(principal) is { } session && Guid.TryParse(session.SubjectId, out var accountId)
        && SessionPrincipal.HasStamp(principal, await store.CheckAsync(session.SessionId, accountId, clock.GetUtcNow(), cancellationToken));

    /// <summary>The account's live sessions, most recently seen first.</summary>
    public Task<IReadOnlyList<ServerSession>> ListAsync(Guid accountId, CancellationToken cancellationToken) =>
        store.ListAsync(accountId, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Sign-out, or a new sign-in in the same browser: the session ends, and the refresh tokens issued to it. True when
    /// it was still live (false when something else had already ended it).
    /// </summary>
    public async Task<bool> EndAsync(UserSession session, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(session.SubjectId, out var accountId))
        {
            return false;
        }

        var ended = await store.RevokeAsync(accountId, session.SessionId, null, clock.GetUtcNow(), cancellationToken);
        await RevokeRefreshTokensAsync(session.SubjectId, session.SessionId, cancellationToken);
        return ended.Count > 0;
    }

    /// <summary>"Sign out everywhere else": every other session of the account ends, with its refresh tokens; returns how many.</summary>
    public async Task<int> EndOthersAsync(UserSession current, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(current.SubjectId, out var accountId))
        {
            return 0;
        }

        var ended = await store.RevokeAsync(accountId, null, current.SessionId, clock.GetUtcNow(), cancellationToken);
        foreach (var sessionId in ended)
        {
            await RevokeRefreshTokensAsync(current.SubjectId, sessionId, cancellationToken);
        }

        return ended.Count;
    }

    /// <summary>Ends the session's OpenIddict grants (its <c>sid</c>): codes, refresh tokens, and the authorization itself.</summary>
    private Task RevokeRefreshTokensAsync(string subjectId, string sessionId, CancellationToken cancellationToken) =>
        grants.RevokeSessionAsync(subjectId, sessionId, cancellationToken);
}
