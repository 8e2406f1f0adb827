using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc;
using Npgsql;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// The one place that ends every session of an account, always inside the caller's transaction (the change that calls
/// for it commits with it, or neither does): a new security stamp ends its browser sessions at their next check
/// (decision 0015), everything the provider issued to it is revoked (<see cref="GrantRevocations"/>: refresh tokens,
/// unexchanged codes, authorizations), and so is an e-mailed sign-in code not yet used (decision 0055), and the session
/// rows are revoked, so "your sessions" lists only those that still work (decision 0054). Callers: an operator disabling
/// the account or signing it out; the person's own password reset, password change and address change; a change of the
/// person's second factor or passkeys (<see cref="EndOthersAfterFactorChangeAsync"/>).
/// </summary>
public sealed class AccountSessions(GrantRevocations grants)
{
    private const string RenewStamp = "UPDATE users SET security_stamp = @stamp, concurrency_stamp = @concurrency WHERE id = @id";

    private const string RevokeRows = """
        UPDATE sessions SET revoked_at = @now
        WHERE account_id = @id AND revoked_at IS NULL AND (@keep::text IS NULL OR id <> @keep)
        """;

    /// <summary>An operator's action: every session ends, none is kept.</summary>
    public Task EndAllAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndOthersAfterOwnChangeAsync(connection, accountId, currentSessionId: null, now, cancellationToken);

    /// <summary>
    /// The person's own change (password reset or change, new address): every session ends but
    /// <paramref name="currentSessionId"/>, the one of the browser that made the change, whose row stays, so that browser
    /// keeps its session by binding it to the new stamp (<see cref="SessionSignIn.KeepAsync"/>, after the commit). Null
    /// (a reset, which signs the browser in anew; a change confirmed where no one is signed in) keeps none. Call after
    /// the account's other changes are saved.
    /// </summary>
    public async Task EndOthersAfterOwnChangeAsync(NpgsqlConnection connection, Guid accountId, string? currentSessionId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, RenewStamp, cancellationToken,
            ("id", accountId), ("stamp", SecurityStamps.New()), ("concurrency", Guid.NewGuid().ToString()));
        await EndOthersAfterFactorChangeAsync(connection, accountId, currentSessionId, now, cancellationToken);
        await SignInCodeStore.VoidAsync(connection, accountId, cancellationToken); // a code mailed before the change is no way back in
    }

    /// <summary>
    /// The person's second factor turned on or off, new recovery codes, a passkey removed: ASP.NET Identity has already
    /// renewed the stamp with the change (so browser sessions elsewhere end); everything the provider issued to the
    /// account is revoked too, or a refresh token stolen before the change would outlive it, and every session row but
    /// <paramref name="currentSessionId"/>'s. The caller keeps its own browser session, and its portal signs in again silently.
    /// </summary>
    public async Task EndOthersAfterFactorChangeAsync(NpgsqlConnection connection, Guid accountId, string? currentSessionId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await grants.RevokeAccountAsync(connection, accountId, now, cancellationToken);
        await Sql.ExecuteAsync(connection, RevokeRows, cancellationToken, ("id", accountId), ("keep", currentSessionId), ("now", now));
    }
}
