using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>One primary-key read per check: cheap enough to run on every request when the interval is zero.</summary>
internal sealed class SecurityStampStore(NpgsqlDataSource dataSource) : ISecurityStampStore
{
    private const string Find = "SELECT security_stamp FROM users WHERE id = @id";

    public async Task<string?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<string>(connection, Find, cancellationToken, ("id", accountId));
    }
}
