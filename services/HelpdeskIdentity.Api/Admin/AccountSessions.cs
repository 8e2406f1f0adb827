using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc;
using Npgsql;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// The one place that ends every session of an account (admin sign-out, disable): a new security stamp ends its
/// browser sessions at their next check (decision 0015); its refresh tokens are revoked and unexchanged codes spent.
/// Server-side sessions (issue 11) end here too when they arrive. Runs in the caller's transaction.
/// </summary>
public sealed class AccountSessions(GrantRevocations grants)
{
    private const string RenewStamp = "UPDATE users SET security_stamp = @stamp, concurrency_stamp = @concurrency WHERE id = @id";

    public async Task EndAllAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, RenewStamp, cancellationToken,
            ("id", accountId), ("stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()), ("concurrency", Guid.NewGuid().ToString()));
        await grants.RevokeAccountAsync(connection, accountId, now, cancellationToken);
    }
}
