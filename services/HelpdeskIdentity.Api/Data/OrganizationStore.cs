using HelpdeskIdentity.Api.Organizations;
using Npgsql;

namespace HelpdeskIdentity.Api.Data;

/// <summary>Organisations in SQL (see <see cref="IOrganizationStore"/>).</summary>
internal sealed class OrganizationStore(NpgsqlDataSource dataSource) : IOrganizationStore
{
    private const string Find = """
        SELECT o.id, o.name, array(SELECT d.domain FROM organization_domains d WHERE d.organization_id = o.id ORDER BY d.domain),
               (SELECT count(*) FROM users u WHERE u.organization_id = o.id)
        FROM organizations o WHERE o.id = (SELECT organization_id FROM organization_domains WHERE domain = @domain)
        """;

    // The same lock intake takes before the first sighting of a domain, so the two never both claim it.
    private const string LockDomain = "SELECT pg_advisory_xact_lock(hashtextextended('organization-domain:' || @domain, 0))";

    private const string OwnerOf = "SELECT organization_id FROM organization_domains WHERE domain = @domain";

    private const string AddDomain = "INSERT INTO organization_domains (domain, organization_id) VALUES (@domain, @organization_id)";

    public async Task<OrganizationSummary?> FindAsync(string domain, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, domain, cancellationToken);
    }

    public async Task<OrganizationSummary?> AddDomainAsync(string domain, string newDomain, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, LockDomain, cancellationToken, ("domain", newDomain));
        if (await Sql.ScalarAsync<Guid?>(connection, OwnerOf, cancellationToken, ("domain", domain)) is not { } organizationId)
        {
            return null;
        }

        if (await Sql.ScalarAsync<Guid?>(connection, OwnerOf, cancellationToken, ("domain", newDomain)) is { } owner)
        {
            throw new InvalidOperationException(owner == organizationId
                ? $"{newDomain} is already a domain of this organisation."
                : $"{newDomain} already belongs to organisation {owner}.");
        }

        await Sql.ExecuteAsync(connection, AddDomain, cancellationToken, ("domain", newDomain), ("organization_id", organizationId));
        var summary = await FindAsync(connection, domain, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private static async Task<OrganizationSummary?> FindAsync(NpgsqlConnection connection, string domain, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, Find, ("domain", domain));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OrganizationSummary(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetInt64(3))
            : null;
    }
}
