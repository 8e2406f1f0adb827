using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// The statements of <see cref="TicketIntake"/>'s transaction, each one round trip for all its tickets (arrays
/// unnested), rows taken in one order (ticket id, address) so concurrent intake transactions never deadlock.
/// </summary>
internal static class TicketIntakeSql
{
    // Claimed first, so a redelivery waits on (and then loses to) the transaction holding its id; the account and
    // ingested_at are set by Link just before the commit.
    private const string Claim = """
        INSERT INTO ingested_tickets (ticket_id, ingested_at)
        SELECT t, clock_timestamp() FROM (SELECT DISTINCT unnest(@ticket_ids::text[]) AS t) AS ids ORDER BY t
        ON CONFLICT (ticket_id) DO NOTHING
        RETURNING ticket_id
        """;

    // A ticket's name is never stored as the account's name, only suggested (docs/security.md, finding 2): a From
    // header is whatever the sender typed. A name already stored, confirmed or suggested, is never overwritten.
    private const string CountExisting = """
        WITH existing AS MATERIALIZED (
            SELECT id FROM users WHERE normalized_email = ANY(@emails) ORDER BY normalized_email FOR UPDATE)
        UPDATE users u SET ticket_count = u.ticket_count + s.tickets,
                           first_ticket_at = LEAST(u.first_ticket_at, s.first_at),
                           last_ticket_at = GREATEST(u.last_ticket_at, s.last_at),
                           suggested_display_name = CASE WHEN u.display_name IS NULL
                               THEN COALESCE(u.suggested_display_name, s.display_name) ELSE u.suggested_display_name END
        FROM existing e, unnest(@emails, @tickets, @firsts, @lasts, @display_names) AS s(email, tickets, first_at, last_at, display_name)
        WHERE u.id = e.id AND u.normalized_email = s.email
        RETURNING u.normalized_email, u.id
        """;

    // xmax = 0 only on a row this statement inserted; a concurrent creator's row is counted instead.
    private const string CreateOrCount = """
        INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                           security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                           lockout_enabled, access_failed_count, suggested_display_name, organization_id, created_at,
                           first_ticket_at, last_ticket_at, ticket_count)
        SELECT n.id, n.email, n.email, n.display_address, n.email, false, n.security_stamp, n.concurrency_stamp, false, false,
               true, 0, n.display_name, n.organization_id, @now, n.first_at, n.last_at, n.tickets
        FROM unnest(@ids, @emails, @display_addresses, @security_stamps, @concurrency_stamps, @display_names, @organization_ids,
                    @firsts, @lasts, @tickets)
             AS n(id, email, display_address, security_stamp, concurrency_stamp, display_name, organization_id, first_at, last_at, tickets)
        ORDER BY n.email
        ON CONFLICT (normalized_email) DO UPDATE SET
            ticket_count = users.ticket_count + EXCLUDED.ticket_count,
            first_ticket_at = LEAST(users.first_ticket_at, EXCLUDED.first_ticket_at),
            last_ticket_at = GREATEST(users.last_ticket_at, EXCLUDED.last_ticket_at),
            suggested_display_name = CASE WHEN users.display_name IS NULL
                THEN COALESCE(users.suggested_display_name, EXCLUDED.suggested_display_name) ELSE users.suggested_display_name END
        RETURNING normalized_email, id, (xmax = 0) AS created
        """;

    // The account each ticket was counted for (created, counted, or a concurrent creator's) is linked for GDPR erase;
    // ingested_at is the database's clock just before the commit.
    private const string Link = """
        UPDATE ingested_tickets i SET account_id = l.account_id, ingested_at = clock_timestamp()
        FROM unnest(@ticket_ids, @account_ids) AS l(ticket_id, account_id)
        WHERE i.ticket_id = l.ticket_id
        """;

    /// <summary>Claims the ids no transaction has claimed before; returns those this one claimed.</summary>
    public static async Task<HashSet<string>> ClaimAsync(NpgsqlConnection connection, IEnumerable<string> ticketIds)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using var command = Sql.Command(connection, Claim, ("ticket_ids", ticketIds.ToArray()));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }

    /// <summary>Counts the tickets of senders who have an account; returns those accounts by address.</summary>
    public static async Task<Dictionary<string, Guid>> CountExistingAsync(NpgsqlConnection connection, IReadOnlyList<SenderTickets> senders)
    {
        var accounts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var command = Sql.Command(connection, CountExisting,
            ("emails", senders.Select(s => s.Email).ToArray()),
            ("tickets", senders.Select(s => s.Count).ToArray()),
            ("firsts", senders.Select(s => s.FirstReceivedAt).ToArray()),
            ("lasts", senders.Select(s => s.LastReceivedAt).ToArray()),
            ("display_names", senders.Select(s => s.DisplayName).ToArray()));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            accounts[reader.GetString(0)] = reader.GetGuid(1);
        }

        return accounts;
    }

    /// <summary>Inserts the new senders' accounts; returns each address's account and whether this statement created it.</summary>
    public static async Task<List<(string Email, Guid Id, bool Created)>> CreateOrCountAsync(
        NpgsqlConnection connection, IReadOnlyList<TicketIntake.NewAccountRow> rows, DateTimeOffset now)
    {
        await using var command = Sql.Command(connection, CreateOrCount,
            ("ids", rows.Select(r => r.Id).ToArray()),
            ("emails", rows.Select(r => r.Sender.Email).ToArray()),
            ("display_addresses", rows.Select(r => r.Sender.DisplayAddress).ToArray()),
            ("security_stamps", rows.Select(_ => Guid.NewGuid().ToString("N").ToUpperInvariant()).ToArray()),
            ("concurrency_stamps", rows.Select(_ => Guid.NewGuid().ToString()).ToArray()),
            ("display_names", rows.Select(r => r.Sender.DisplayName).ToArray()),
            ("organization_ids", rows.Select(r => r.OrganizationId).ToArray()),
            ("firsts", rows.Select(r => r.Sender.FirstReceivedAt).ToArray()),
            ("lasts", rows.Select(r => r.Sender.LastReceivedAt).ToArray()),
            ("tickets", rows.Select(r => r.Sender.Count).ToArray()),
            ("now", now));
        var accounts = new List<(string, Guid, bool)>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            accounts.Add((reader.GetString(0), reader.GetGuid(1), reader.GetBoolean(2)));
        }

        return accounts;
    }

    public static Task<int> LinkAsync(NpgsqlConnection connection, string[] ticketIds, Guid[] accountIds) =>
        Sql.ExecuteAsync(connection, Link, CancellationToken.None, ("ticket_ids", ticketIds), ("account_ids", accountIds));
}
