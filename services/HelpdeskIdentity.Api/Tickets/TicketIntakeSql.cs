using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Contracts;
using Npgsql;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// The statements of <see cref="TicketIntake"/>'s transaction, each one round trip for all its tickets (arrays
/// unnested), rows taken in one order (ticket id, address) so concurrent intake transactions never deadlock.
/// </summary>
internal static class TicketIntakeSql
{
    // One round trip opens the transaction's work: claim the ids, count the tickets of senders who have an account,
    // and read the organisations of the group's domains (for the senders who are new).
    // Claimed first, so a redelivery waits on (and then loses to) the transaction holding its id; the account and
    // ingested_at are set by Link just before the commit. A ticket id that came twice in one group counts once, as its
    // first arrival. A ticket's name is never stored as the account's name, only suggested (docs/security.md, finding
    // 2): a From header is whatever the sender typed; a name already stored, confirmed or suggested, is never
    // overwritten. Accounts are locked in address order, so concurrent intake transactions never deadlock.
    // Rows: kind 1 = a ticket id this transaction claimed; 2 = a sender's existing account, counted; 3 = a domain's
    // organisation.
    private const string ClaimAndCount = """
        WITH arrival AS (
            SELECT * FROM unnest(@ticket_ids::text[], @emails::text[], @received::timestamptz[], @display_names::text[])
                WITH ORDINALITY AS a(ticket_id, email, received_at, display_name, n)),
        claimed AS (
            INSERT INTO ingested_tickets (ticket_id, ingested_at)
            SELECT t, clock_timestamp() FROM (SELECT DISTINCT ticket_id AS t FROM arrival) AS ids ORDER BY t
            ON CONFLICT (ticket_id) DO NOTHING
            RETURNING ticket_id),
        counted AS (
            SELECT DISTINCT ON (a.ticket_id) a.* FROM arrival a JOIN claimed c ON c.ticket_id = a.ticket_id ORDER BY a.ticket_id, a.n),
        sender AS (
            SELECT email, count(*)::int AS tickets, min(received_at) AS first_at, max(received_at) AS last_at,
                   (array_agg(display_name ORDER BY n) FILTER (WHERE display_name IS NOT NULL))[1] AS display_name
            FROM counted GROUP BY email),
        existing AS MATERIALIZED (
            SELECT id FROM users WHERE normalized_email IN (SELECT email FROM sender) ORDER BY normalized_email FOR UPDATE),
        known AS (
            UPDATE users u SET ticket_count = u.ticket_count + s.tickets,
                               first_ticket_at = LEAST(u.first_ticket_at, s.first_at),
                               last_ticket_at = GREATEST(u.last_ticket_at, s.last_at),
                               suggested_display_name = CASE WHEN u.display_name IS NULL
                                   THEN COALESCE(u.suggested_display_name, s.display_name) ELSE u.suggested_display_name END
            FROM existing e, sender s
            WHERE u.id = e.id AND u.normalized_email = s.email
            RETURNING u.normalized_email, u.id)
        SELECT 1, ticket_id, NULL::uuid FROM claimed
        UNION ALL SELECT 2, normalized_email, id FROM known
        UNION ALL SELECT 3, domain, organization_id FROM organization_domains WHERE domain = ANY(@domains)
        """;

    // xmax = 0 only on a row this statement inserted; a concurrent creator's row is counted instead, and only the
    // accounts this statement created get their RequesterAccountCreated row (OutboxRows' columns).
    private const string CreateOrCount = """
        WITH account AS (
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
            RETURNING normalized_email, id, (xmax = 0) AS created),
        announced AS (
            INSERT INTO outbox_messages (id, message_type, payload, created_at, next_attempt_at, attempts, trace_parent)
            SELECT m.id, @message_type, m.payload, @now, @now, 0, @trace_parent
            FROM unnest(@message_ids, @ids, @payloads) AS m(id, account_id, payload)
            JOIN account ON account.id = m.account_id AND account.created)
        SELECT normalized_email, id, created FROM account
        """;

    // The account each ticket was counted for (created, counted, or a concurrent creator's) is linked for GDPR erase;
    // ingested_at is the database's clock just before the commit.
    private const string Link = """
        UPDATE ingested_tickets i SET account_id = l.account_id, ingested_at = clock_timestamp()
        FROM unnest(@ticket_ids, @account_ids) AS l(ticket_id, account_id)
        WHERE i.ticket_id = l.ticket_id
        """;

    /// <summary>
    /// Claims the tickets' ids, counts the tickets of senders who already have an account, and reads the organisations
    /// of <paramref name="domains"/>.
    /// </summary>
    public static async Task<ClaimedGroup> ClaimAndCountAsync(NpgsqlConnection connection, IReadOnlyList<RequesterTicket> tickets, string[] domains)
    {
        var group = new ClaimedGroup();
        await using var command = Sql.Command(connection, ClaimAndCount,
            ("ticket_ids", tickets.Select(t => t.TicketId).ToArray()),
            ("emails", tickets.Select(t => t.Sender.Address).ToArray()),
            ("received", tickets.Select(t => t.ReceivedAt).ToArray()),
            ("display_names", tickets.Select(t => PersonName.Acceptable(t.Sender.DisplayName)).ToArray()),
            ("domains", domains));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(1);
            switch (reader.GetInt32(0))
            {
                case 1: group.Claimed.Add(key); break;
                case 2: group.Accounts[key] = reader.GetGuid(2); break;
                default: group.Organizations[key] = reader.GetGuid(2); break;
            }
        }

        return group;
    }

    /// <summary>
    /// Inserts the new senders' accounts, with the RequesterAccountCreated row of each account it created
    /// (<paramref name="announcements"/>, by row); returns each address's account and whether this statement created it.
    /// </summary>
    public static async Task<List<(string Email, Guid Id, bool Created)>> CreateOrCountAsync(
        NpgsqlConnection connection, IReadOnlyList<TicketIntake.NewAccountRow> rows, IReadOnlyList<RequesterAccountCreated> announcements, DateTimeOffset now)
    {
        // The outbox rows' own ids go as message_ids: ids are the accounts'.
        var outbox = OutboxRows.ManyParameters(announcements, now).Select(p => p.Name == "ids" ? ("message_ids", p.Value) : p);
        await using var command = Sql.Command(connection, CreateOrCount,
        [
            ("ids", rows.Select(r => r.Id).ToArray()),
            ("emails", rows.Select(r => r.Sender.Email).ToArray()),
            ("display_addresses", rows.Select(r => r.Sender.DisplayAddress).ToArray()),
            ("security_stamps", rows.Select(_ => SecurityStamps.New()).ToArray()),
            ("concurrency_stamps", rows.Select(_ => Guid.NewGuid().ToString()).ToArray()),
            ("display_names", rows.Select(r => r.Sender.DisplayName).ToArray()),
            ("organization_ids", rows.Select(r => r.OrganizationId).ToArray()),
            ("firsts", rows.Select(r => r.Sender.FirstReceivedAt).ToArray()),
            ("lasts", rows.Select(r => r.Sender.LastReceivedAt).ToArray()),
            ("tickets", rows.Select(r => r.Sender.Count).ToArray()),
            .. outbox,
        ]);
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

/// <summary>What <see cref="TicketIntakeSql.ClaimAndCountAsync"/> found: the ids claimed, the senders' existing accounts (counted), the domains' organisations.</summary>
internal sealed class ClaimedGroup
{
    public HashSet<string> Claimed { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Guid> Accounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Guid> Organizations { get; } = new(StringComparer.Ordinal);
}
