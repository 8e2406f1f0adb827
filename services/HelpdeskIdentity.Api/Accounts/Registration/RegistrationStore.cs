using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// Register-page requests and verification links in PostgreSQL. The methods that take a connection run in the
/// caller's transaction, so links, e-mails and the new account commit or roll back together.
/// </summary>
public sealed class RegistrationStore(NpgsqlDataSource dataSource)
{
    private const string InsertRequest = """
        INSERT INTO registration_requests (id, email, display_name, return_url, language, created_at)
        VALUES (@id, @email, @display_name, @return_url, @language, @now)
        """;

    private const string TakeRequests = """
        SELECT id, email, display_name, return_url, language FROM registration_requests ORDER BY created_at LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    private const string FindOrganization = """
        SELECT other.organization_id, other.domain, o.self_registration
        FROM organization_domains d JOIN organization_domains other ON other.organization_id = d.organization_id
        JOIN organizations o ON o.id = d.organization_id
        WHERE d.domain = @domain
        ORDER BY other.domain
        """;

    private const string Issue = """
        UPDATE registration_tokens SET voided_at = @now WHERE email = @email AND consumed_at IS NULL AND voided_at IS NULL;
        INSERT INTO registration_tokens (token_hash, email, display_name, return_url, created_at, expires_at)
        VALUES (@token_hash, @email, @display_name, @return_url, @now, @expires_at);
        """;

    private const string Prune = """
        DELETE FROM registration_tokens WHERE consumed_at < @cutoff OR voided_at < @cutoff OR expires_at < @cutoff
        """;

    private const string FindUsable = """
        SELECT email, display_name, return_url FROM registration_tokens
        WHERE token_hash = @token_hash AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > @now
        """;

    // Spends the link and voids the address's other links in one statement: of two racing spends one wins.
    private const string Consume = """
        WITH spent AS (
            UPDATE registration_tokens SET consumed_at = @now
            WHERE token_hash = @token_hash AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > @now
            RETURNING email),
        voided AS (
            UPDATE registration_tokens t SET voided_at = @now FROM spent
            WHERE t.email = spent.email AND t.token_hash <> @token_hash AND t.consumed_at IS NULL AND t.voided_at IS NULL)
        SELECT count(*) FROM spent
        """;

    /// <summary>One INSERT, the same whatever the address.</summary>
    public Task AddRequestAsync(RegistrationRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, InsertRequest, cancellationToken,
            ("id", request.Id), ("email", request.Email), ("display_name", request.DisplayName), ("return_url", request.ReturnUrl),
            ("language", request.Language), ("now", now));

    /// <summary>Locks up to <paramref name="limit"/> waiting requests, oldest first (skipping those another instance holds); the worker deletes each it handles or gives up.</summary>
    public async Task<IReadOnlyList<RegistrationRequest>> TakeRequestsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, TakeRequests, ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<RegistrationRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new RegistrationRequest(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return requests;
    }

    /// <summary>The organisation that owns exactly this domain (lower-case A-label), or null.</summary>
    public async Task<OrganizationMatch?> FindOrganizationAsync(NpgsqlConnection connection, string domain, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, FindOrganization, ("domain", domain));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Guid? id = null;
        bool? selfRegistration = null;
        var domains = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            id = reader.GetGuid(0);
            domains.Add(reader.GetString(1));
            selfRegistration = reader.IsDBNull(2) ? null : reader.GetBoolean(2);
        }

        return id is { } organizationId ? new OrganizationMatch(organizationId, domains, selfRegistration) : null;
    }

    /// <summary>The organisation of the domain, created (as intake creates it, one per domain even under races) when there is none.</summary>
    public Task<Guid> FindOrCreateOrganizationAsync(NpgsqlConnection connection, string domain, DateTimeOffset now, CancellationToken cancellationToken) =>
        OrganizationStore.FindOrCreateOrganizationAsync(connection, domain, now, cancellationToken);

    /// <summary>Voids every outstanding link for the address, then stores the new one.</summary>
    public Task IssueAsync(NpgsqlConnection connection, string tokenHash, RegistrationRequest request, string? returnUrl, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Issue, cancellationToken,
            ("token_hash", tokenHash), ("email", request.Email), ("display_name", request.DisplayName), ("return_url", returnUrl),
            ("now", now), ("expires_at", expiresAt));

    /// <summary>The link with this hash if it is unused, not voided and not expired at <paramref name="now"/>; else null.</summary>
    public async Task<RegistrationLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, FindUsable, ("token_hash", tokenHash), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RegistrationLink(tokenHash, reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    /// <summary>Spends the link (once: of two racing spends one wins) and voids the address's other links; false when it no longer worked.</summary>
    public async Task<bool> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync<long>(connection, Consume, cancellationToken, ("token_hash", tokenHash), ("now", now)) == 1;

    /// <summary>Deletes links used, voided or expired before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", cutoff));
}
