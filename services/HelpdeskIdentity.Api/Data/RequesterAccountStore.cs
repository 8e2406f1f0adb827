using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Contracts;
using Npgsql;

namespace HelpdeskIdentity.Api.Data;

/// <summary>
/// Account intake in one transaction. Exactly one account per address comes from the unique index
/// on <c>users.normalized_email</c> (concurrent creators meet in <c>ON CONFLICT</c>); a ticket
/// counts once because its id is claimed in <c>ingested_tickets</c> in the same transaction, last,
/// so a redelivery rolls back whatever it touched.
/// </summary>
internal sealed class RequesterAccountStore(NpgsqlDataSource dataSource, AuditTrail audit, TimeProvider clock) : IRequesterAccountStore
{
    // ingested_at is the database's clock (see RecordTicket), so its age is measured on that clock too.
    private const string ForgetTicketIds = "DELETE FROM ingested_tickets WHERE ingested_at < clock_timestamp() - @age";

    public Task<int> ForgetTicketIdsAsync(TimeSpan olderThan, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, ForgetTicketIds, cancellationToken, ("age", olderThan));

    // A ticket's name is never stored as the account's name, only suggested (docs/security.md, finding 2): a From
    // header is whatever the sender typed. A name already stored, confirmed or suggested, is never overwritten.
    private const string CountOnExisting = """
        UPDATE users SET ticket_count = ticket_count + 1,
                         first_ticket_at = LEAST(first_ticket_at, @received_at),
                         last_ticket_at = GREATEST(last_ticket_at, @received_at),
                         suggested_display_name = CASE WHEN display_name IS NULL
                             THEN COALESCE(suggested_display_name, @display_name) ELSE suggested_display_name END
        WHERE normalized_email = @email
        RETURNING id
        """;

    // xmax = 0 only on a row this statement inserted; a concurrent creator's row is counted instead.
    private const string CreateOrCount = """
        INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                           security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                           lockout_enabled, access_failed_count, suggested_display_name, organization_id, created_at,
                           first_ticket_at, last_ticket_at, ticket_count)
        VALUES (@id, @email, @email, @display_address, @email, false, @security_stamp, @concurrency_stamp, false, false,
                true, 0, @display_name, @organization_id, @now, @received_at, @received_at, 1)
        ON CONFLICT (normalized_email) DO UPDATE SET
            ticket_count = users.ticket_count + 1,
            first_ticket_at = LEAST(users.first_ticket_at, EXCLUDED.first_ticket_at),
            last_ticket_at = GREATEST(users.last_ticket_at, EXCLUDED.last_ticket_at),
            suggested_display_name = CASE WHEN users.display_name IS NULL
                THEN COALESCE(users.suggested_display_name, EXCLUDED.suggested_display_name) ELSE users.suggested_display_name END
        RETURNING (xmax = 0) AS created
        """;

    private const string FindOrganization = "SELECT organization_id FROM organization_domains WHERE domain = @domain";

    // Serialises the first sighting of a domain across transactions and instances.
    private const string LockDomain = "SELECT pg_advisory_xact_lock(hashtextextended('organization-domain:' || @domain, 0))";

    private const string CreateOrganization = """
        INSERT INTO organizations (id, name, created_at) VALUES (@organization_id, @domain, @now);
        INSERT INTO organization_domains (domain, organization_id) VALUES (@domain, @organization_id);
        """;

    // The account the ticket was counted for (created, counted, or a concurrent creator's) is linked for GDPR erase.
    private const string ClaimTicket = """
        INSERT INTO ingested_tickets (ticket_id, ingested_at, account_id)
        VALUES (@ticket_id, clock_timestamp(), (SELECT id FROM users WHERE normalized_email = @email))
        ON CONFLICT (ticket_id) DO NOTHING
        """;

    public async Task<TicketIntakeResult> RecordTicketAsync(RequesterTicket ticket, string? organizationDomain, AccountCreatedHook? whenCreated, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sender = ticket.Sender;
        var suggestedName = PersonName.Acceptable(sender.DisplayName);

        var result = TicketIntakeResult.Counted;
        var existing = await Sql.ScalarAsync<Guid?>(connection, CountOnExisting, cancellationToken,
            ("email", sender.Address), ("received_at", ticket.ReceivedAt), ("display_name", suggestedName));
        if (existing is null)
        {
            Guid? organizationId = organizationDomain is null ? null
                : await FindOrCreateOrganizationAsync(connection, organizationDomain, now, cancellationToken);
            var accountId = Guid.CreateVersion7(now);
            var created = await Sql.ScalarAsync<bool>(connection, CreateOrCount, cancellationToken,
                ("id", accountId), ("email", sender.Address), ("display_address", sender.DisplayAddress),
                ("security_stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()), ("concurrency_stamp", Guid.NewGuid().ToString()),
                ("display_name", suggestedName), ("organization_id", organizationId),
                ("now", now), ("received_at", ticket.ReceivedAt));
            if (created)
            {
                var message = new RequesterAccountCreated
                {
                    AccountId = accountId,
                    Email = sender.Address,
                    DisplayName = suggestedName,
                    OrganizationId = organizationId,
                    OrganizationDomain = organizationId is null ? null : organizationDomain,
                    TicketId = ticket.TicketId,
                    CreatedAt = now,
                };
                await OutboxRows.EnqueueAsync(connection, message, now, cancellationToken);
                await audit.RecordAsync(new(AuditEventTypes.AccountCreated, accountId, Detail: "ticket"), connection, cancellationToken);
                if (whenCreated is not null)
                {
                    await whenCreated(new NewRequesterAccount(accountId, sender.DisplayAddress, suggestedName), connection, transaction, cancellationToken);
                }

                result = TicketIntakeResult.Created;
            }
        }

        if (await Sql.ExecuteAsync(connection, ClaimTicket, cancellationToken, ("ticket_id", ticket.TicketId), ("email", sender.Address)) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return TicketIntakeResult.Duplicate;
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The organisation of a (non-public) domain, created on its first sighting; used by intake and by e-mail changes.</summary>
    internal static async Task<Guid> FindOrCreateOrganizationAsync(NpgsqlConnection connection, string domain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await Sql.ScalarAsync<Guid?>(connection, FindOrganization, cancellationToken, ("domain", domain)) is { } known)
        {
            return known;
        }

        await Sql.ExecuteAsync(connection, LockDomain, cancellationToken, ("domain", domain));
        if (await Sql.ScalarAsync<Guid?>(connection, FindOrganization, cancellationToken, ("domain", domain)) is { } createdMeanwhile)
        {
            return createdMeanwhile;
        }

        var organizationId = Guid.CreateVersion7(now);
        await Sql.ExecuteAsync(connection, CreateOrganization, cancellationToken, ("organization_id", organizationId), ("domain", domain), ("now", now));
        return organizationId;
    }
}
