using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Reads an account's current security stamp: what a session is checked against.</summary>
/// <remarks>One primary-key read.</remarks>
public sealed class SecurityStampStore(NpgsqlDataSource dataSource)
{
    private const string Find = "SELECT security_stamp FROM users WHERE id = @id";

    /// <summary>The stamp, or null when the account does not exist (any more).</summary>
    public async Task<string?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<string>(connection, Find, cancellationToken, ("id", accountId));
    }
}
