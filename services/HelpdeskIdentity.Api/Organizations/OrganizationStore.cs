using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Organizations;

/// <summary>Organisations as an operator sees and changes them (the CLI and the admin API), in SQL.</summary>
public sealed class OrganizationStore(NpgsqlDataSource dataSource)
{
    private const string Summary = """
        SELECT o.id, o.name, array(SELECT d.domain FROM organization_domains d WHERE d.organization_id = o.id ORDER BY d.domain),
               (SELECT count(*) FROM users u WHERE u.organization_id = o.id), o.self_registration, o.created_at
        FROM organizations o
        """;

    private const string FindByDomain = Summary + " WHERE o.id = (SELECT organization_id FROM organization_domains WHERE domain = @domain)";

    private const string FindById = Summary + " WHERE o.id = @id";

    private const string ListAfter = Summary + " WHERE @after::uuid IS NULL OR o.id > @after ORDER BY o.id LIMIT @limit";

    // The same lock intake takes before the first sighting of a domain, so the two never both claim it.

    private const string OwnerOf = "SELECT organization_id FROM organization_domains WHERE domain = @domain";

    private const string Exists = "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @id)";

    private const string CreateOrganization = """
        INSERT INTO organizations (id, name, created_at) VALUES (@organization_id, @domain, @now);
        INSERT INTO organization_domains (domain, organization_id) VALUES (@domain, @organization_id);
        """;

    private const string AddDomain = "INSERT INTO organization_domains (domain, organization_id) VALUES (@domain, @organization_id)";

    private const string Change = """
        UPDATE organizations SET name = coalesce(@name, name),
                                 self_registration = CASE WHEN @set_switch THEN @self_registration ELSE self_registration END
        WHERE id = @id
        """;

    /// <summary>The organisation that owns exactly this domain (lower-case A-label), with its domains and how many accounts it has; or null.</summary>
    public async Task<OrganizationSummary?> FindAsync(string domain, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await ReadAsync(connection, FindByDomain, cancellationToken, ("domain", domain))).SingleOrDefault();
    }

    public async Task<OrganizationSummary?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await ReadAsync(connection, FindById, cancellationToken, ("id", id))).SingleOrDefault();
    }

    /// <summary>Organisations in id order, after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<OrganizationSummary>> ListAsync(Guid? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, ListAfter, cancellationToken, ("after", after), ("limit", limit));
    }

    /// <summary>
    /// Lists <paramref name="newDomain"/> under the organisation that owns <paramref name="domain"/>, serialised with intake's first
    /// sighting of a domain. Returns the organisation, or null when <paramref name="domain"/> has none; throws
    /// <see cref="InvalidOperationException"/> when <paramref name="newDomain"/> already belongs to an organisation.
    /// </summary>
    public async Task<OrganizationSummary?> AddDomainAsync(string domain, string newDomain, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<Guid?>(connection, OwnerOf, cancellationToken, ("domain", domain)) is { } organizationId
            ? await AddDomainAsync(organizationId, newDomain, cancellationToken)
            : null;
    }

    /// <summary>As above, for the organisation with this id; <paramref name="alongside"/> runs in the same transaction (the audit event).</summary>
    public async Task<OrganizationSummary?> AddDomainAsync(Guid organizationId, string newDomain, CancellationToken cancellationToken, Func<NpgsqlConnection, Task>? alongside = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await OrganizationDomainLock.TakeAsync(connection, newDomain, cancellationToken);
        if (!await Sql.ScalarAsync<bool>(connection, Exists, cancellationToken, ("id", organizationId)))
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
        if (alongside is not null)
        {
            await alongside(connection);
        }

        var summary = (await ReadAsync(connection, FindById, cancellationToken, ("id", organizationId))).Single();
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    /// <summary>
    /// Renames the organisation (when <paramref name="name"/> is given) and sets its self-registration switch (when
    /// <paramref name="setSwitch"/>; null = back to the configuration), with <paramref name="alongside"/> in the same transaction. Null when there is no such organisation.
    /// </summary>
    public async Task<OrganizationSummary?> ChangeAsync(Guid id, string? name, bool setSwitch, bool? selfRegistration, Func<NpgsqlConnection, Task> alongside, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Sql.ExecuteAsync(connection, Change, cancellationToken,
                ("id", id), ("name", name), ("set_switch", setSwitch), ("self_registration", new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean, Value = (object?)selfRegistration ?? DBNull.Value })) == 0)
        {
            return null;
        }

        await alongside(connection);
        var summary = (await ReadAsync(connection, FindById, cancellationToken, ("id", id))).Single();
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private static async Task<List<OrganizationSummary>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Sql.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<OrganizationSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new OrganizationSummary(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetBoolean(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return found;
    }

    /// <summary>
    /// The organisation of a (non-public) domain, created on its first sighting under the domain's lock, in the caller's
    /// transaction; used by ticket intake, registration and e-mail changes.
    /// </summary>
    internal static async Task<Guid> FindOrCreateOrganizationAsync(NpgsqlConnection connection, string domain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await Sql.ScalarAsync<Guid?>(connection, OwnerOf, cancellationToken, ("domain", domain)) is { } known)
        {
            return known;
        }

        await OrganizationDomainLock.TakeAsync(connection, domain, cancellationToken);
        if (await Sql.ScalarAsync<Guid?>(connection, OwnerOf, cancellationToken, ("domain", domain)) is { } createdMeanwhile)
        {
            return createdMeanwhile;
        }

        var organizationId = Guid.CreateVersion7(now);
        await Sql.ExecuteAsync(connection, CreateOrganization, cancellationToken, ("organization_id", organizationId), ("domain", domain), ("now", now));
        return organizationId;
    }
}
