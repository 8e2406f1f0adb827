using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc;
using Npgsql;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// The one place that ends every session of an account (admin sign-out, disable): a new security stamp ends its
/// browser sessions at their next check (decision 0015); its refresh tokens are revoked and unexchanged codes spent.
/// Its server-side session rows are revoked with it. Runs in the caller's transaction.
/// </summary>
public sealed class AccountSessions(GrantRevocations grants)
{
    private const string RenewStampAndRevokeSessions = """
        UPDATE users SET security_stamp = @stamp, concurrency_stamp = @concurrency WHERE id = @id;
        UPDATE sessions SET revoked_at = @now WHERE account_id = @id AND revoked_at IS NULL
        """;

    public async Task EndAllAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, RenewStampAndRevokeSessions, cancellationToken,
            ("id", accountId), ("now", now), ("stamp", SecurityStamps.New()), ("concurrency", Guid.NewGuid().ToString()));
        await grants.RevokeAccountAsync(connection, accountId, now, cancellationToken);
    }
}
