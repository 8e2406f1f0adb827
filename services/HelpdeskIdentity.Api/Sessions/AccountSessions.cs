using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc;
using Npgsql;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// The one place that ends every session of an account, always inside the caller's transaction (the change that calls
/// for it commits with it, or neither does): a new security stamp ends its browser sessions at their next check
/// (decision 0015), and everything the provider issued to it is revoked (<see cref="GrantRevocations"/>: refresh
/// tokens, unexchanged codes, authorizations), and so is an e-mailed sign-in code not yet used. Callers: an operator disabling the account or signing it out; the
/// person's own password reset, password change and address change; a change of the person's second factor or
/// passkeys (<see cref="EndGrantsAfterFactorChangeAsync"/>).
/// </summary>
public sealed class AccountSessions(GrantRevocations grants)
{
    private const string RenewStamp = "UPDATE users SET security_stamp = @stamp, concurrency_stamp = @concurrency WHERE id = @id";

    private const string RevokeRows = "UPDATE sessions SET revoked_at = @now WHERE account_id = @id AND revoked_at IS NULL";

    /// <summary>An operator's action: every session ends, and its row is revoked too, so none is listed as live.</summary>
    public async Task EndAllAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EndAllAfterOwnChangeAsync(connection, accountId, now, cancellationToken);
        await Sql.ExecuteAsync(connection, RevokeRows, cancellationToken, ("id", accountId), ("now", now));
    }

    /// <summary>
    /// The person's own change (password reset or change, new address): every session ends at its next check, but the
    /// rows stay, so the browser that made the change can keep its session by binding it to the new stamp
    /// (<see cref="SessionSignIn.KeepAsync"/>, after the commit). Call after the account's other changes are saved.
    /// </summary>
    public async Task EndAllAfterOwnChangeAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, RenewStamp, cancellationToken,
            ("id", accountId), ("stamp", SecurityStamps.New()), ("concurrency", Guid.NewGuid().ToString()));
        await grants.RevokeAccountAsync(connection, accountId, now, cancellationToken);
        await SignInCodeStore.VoidAsync(connection, accountId, cancellationToken); // a code mailed before the change is no way back in
    }

    /// <summary>
    /// The person's second factor turned on or off, new recovery codes, a passkey removed: ASP.NET Identity has already
    /// renewed the stamp with the change (so browser sessions elsewhere end); everything the provider issued to the
    /// account is revoked too, or a refresh token stolen before the change would outlive it. The caller keeps its own
    /// browser session, and its portal signs in again silently.
    /// </summary>
    public Task EndGrantsAfterFactorChangeAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        grants.RevokeAccountAsync(connection, accountId, now, cancellationToken);
}
