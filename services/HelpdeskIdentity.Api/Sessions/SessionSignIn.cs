using HelpdeskIdentity.Api.Audit;
using Microsoft.AspNetCore.Authentication;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Starts a browser session (its cookie and its server-side row) for an account, or re-binds the current one to the account's new security stamp.</summary>
public sealed class SessionSignIn(SecurityStampStore stamps, ServerSessions sessions, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// A new session bound to the account's current (committed) security stamp, after a password was just set: the
    /// methods say how (<see cref="AuthenticationMethods"/>; a password alone when not given).
    /// </summary>
    public async Task SignInAsync(HttpContext context, Guid accountId, bool persistent = false, IReadOnlyCollection<string>? methods = null)
    {
        var stamp = await stamps.FindAsync(accountId, context.RequestAborted)
            ?? throw new InvalidOperationException($"Account {accountId} does not exist.");
        await SignInAsync(context, accountId, stamp, persistent, methods ?? [AuthenticationMethods.Password]);
    }

    /// <summary>
    /// A new session for an account just read from the database (sign-in): no second read of its stamp. The methods are
    /// how the person signed in (<see cref="AuthenticationMethods"/>).
    /// </summary>
    public Task SignInAsync(HttpContext context, Accounts.Account account, bool persistent, IReadOnlyCollection<string> methods) =>
        SignInAsync(context, account.Id, account.SecurityStamp
            ?? throw new InvalidOperationException($"Account {account.Id} has no security stamp."), persistent, methods);

    private async Task SignInAsync(HttpContext context, Guid accountId, string stamp, bool persistent, IReadOnlyCollection<string> methods)
    {
        // The session this browser held until now ends, so a copy of its cookie stops working (docs/decisions/0061):
        // the same person's is handed over to the new one with its grants (a client's refresh tokens); someone else's
        // ends with its grants, as at sign-out — not cancelled half-way by a client that goes away.
        var replaced = SessionPrincipal.Read((await context.AuthenticateAsync(SessionCookie.Scheme)).Principal);
        var handOverFrom = replaced?.SubjectId == accountId.ToString() ? replaced.SessionId : null;
        var ended = replaced is not null && handOverFrom is null && await sessions.EndAsync(replaced, CancellationToken.None);
        var principal = SessionPrincipal.Create(accountId, clock.GetUtcNow(), stamp, methods);
        var (properties, handedOver) = await sessions.StartAsync(context, principal, accountId, persistent, handOverFrom);
        await context.SignInAsync(SessionCookie.Scheme, principal, properties);
        if (replaced is not null && (ended || handedOver))
        {
            await audit.RecordAsync(new(AuditEventTypes.SessionEnded, Guid.Parse(replaced.SubjectId), SessionId: replaced.SessionId, Detail: "replaced"),
                CancellationToken.None);
        }

        await audit.RecordAsync(new(AuditEventTypes.SignInSucceeded, accountId, SessionId: SessionPrincipal.Read(principal)?.SessionId), CancellationToken.None);
    }

    /// <summary>
    /// This browser's session id when it is signed in as <paramref name="accountId"/>, or null: the session a change
    /// the person makes here keeps (<see cref="AccountSessions"/> ends the others with the change, then <see cref="KeepAsync"/>).
    /// </summary>
    public async Task<string?> CurrentSessionIdAsync(HttpContext context, Guid accountId) =>
        SessionPrincipal.Read((await CurrentAsync(context, accountId))?.Principal)?.SessionId;

    /// <summary>
    /// After this browser changed the account's password, address or sign-in methods: keeps its session (same id,
    /// sign-in time and persistence) by binding it to the new stamp, while every other session ends. Nothing happens
    /// when this browser is not signed in as <paramref name="accountId"/>. Call after the change committed.
    /// </summary>
    public Task<bool> KeepAsync(HttpContext context, Guid accountId) => RebindAsync(context, accountId, null);

    /// <summary>
    /// After the person typed the password again on the confirm-access page: the same session, marked as proved just now
    /// (docs/decisions/0056), so changing how the account signs in is allowed for <see cref="RecentProof"/>'s window.
    /// </summary>
    public Task<bool> ConfirmAsync(HttpContext context, Guid accountId) => RebindAsync(context, accountId, clock.GetUtcNow());

    private async Task<bool> RebindAsync(HttpContext context, Guid accountId, DateTimeOffset? confirmedAt)
    {
        if (await CurrentAsync(context, accountId) is not { } current || await stamps.FindAsync(accountId, context.RequestAborted) is not { } stamp)
        {
            return false;
        }

        await context.SignInAsync(SessionCookie.Scheme, SessionPrincipal.Renew(current.Principal!, stamp, confirmedAt), current.Properties);
        return true;
    }

    /// <summary>
    /// This browser's session when it is <paramref name="accountId"/>'s: the result authenticated at the start of this
    /// request (cached by the handler), before any change of the stamp.
    /// </summary>
    private static async Task<AuthenticateResult?> CurrentAsync(HttpContext context, Guid accountId)
    {
        var current = await context.AuthenticateAsync(SessionCookie.Scheme);
        return current.Succeeded && SessionPrincipal.Read(current.Principal)?.SubjectId == accountId.ToString() ? current : null;
    }
}
