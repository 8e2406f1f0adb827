using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpdeskIdentity.Api.Audit;

/// <summary>
/// The one way to write the audit trail (docs/decisions/0034). Each event is one row in <c>audit_events</c> and one
/// <see cref="SecurityEventRecorded"/> in the bus outbox, sent as one command. Given the caller's connection (or EF
/// context) inside a transaction, the event commits or rolls back with what it records.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, AuditSource source, OutboxSignal outboxSignal, TimeProvider clock)
{
    private const string InsertEvent = """
        INSERT INTO audit_events (id, occurred_at, type, outcome, account_id, client_id, session_id, source_ip, user_agent, detail)
        VALUES (@event_id, @now, @type, @outcome, @account_id, @client_id, @session_id, @source_ip, @user_agent, @detail);
        """;

    private const string DeleteOlder = "DELETE FROM audit_events WHERE occurred_at < @cutoff";

    // Many events at once (account intake): the same columns, one statement.
    private const string InsertEvents = """
        INSERT INTO audit_events (id, occurred_at, type, outcome, account_id, client_id, session_id, source_ip, user_agent, detail)
        SELECT e.id, @now, e.type, e.outcome, e.account_id, e.client_id, e.session_id, e.source_ip, e.user_agent, e.detail
        FROM unnest(@event_ids, @types, @outcomes, @account_ids, @client_ids, @session_ids, @source_ips, @user_agents, @details)
             AS e(id, type, outcome, account_id, client_id, session_id, source_ip, user_agent, detail);
        """;

    /// <summary>Records the event in the caller's transaction on <paramref name="connection"/>.</summary>
    public async Task RecordAsync(AuditEntry entry, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = Message(entry, now);
        await Sql.ExecuteAsync(connection, InsertEvent + OutboxRows.Insert, cancellationToken,
        [
            ("event_id", message.EventId), ("type", message.Type), ("outcome", message.Outcome), ("account_id", message.AccountId),
            ("client_id", message.ClientId), ("session_id", message.SessionId), ("source_ip", message.SourceIp),
            ("user_agent", message.UserAgent), ("detail", message.Detail),
            .. OutboxRows.Parameters(message, now),
        ]);
    }

    /// <summary>Records many events in the caller's transaction on <paramref name="connection"/>, in one command.</summary>
    public async Task RecordManyAsync(IReadOnlyList<AuditEntry> entries, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var messages = entries.Select(e => Message(e, now)).ToList();
        await Sql.ExecuteAsync(connection, InsertEvents + OutboxRows.InsertMany, cancellationToken,
        [
            ("event_ids", messages.Select(m => m.EventId).ToArray()), ("types", messages.Select(m => m.Type).ToArray()),
            ("outcomes", messages.Select(m => m.Outcome).ToArray()), ("account_ids", messages.Select(m => m.AccountId).ToArray()),
            ("client_ids", messages.Select(m => m.ClientId).ToArray()), ("session_ids", messages.Select(m => m.SessionId).ToArray()),
            ("source_ips", messages.Select(m => m.SourceIp).ToArray()), ("user_agents", messages.Select(m => m.UserAgent).ToArray()),
            ("details", messages.Select(m => m.Detail).ToArray()),
            .. OutboxRows.ManyParameters(messages, now),
        ]);
    }

    private SecurityEventRecorded Message(AuditEntry entry, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(now),
        Type = entry.Type,
        Outcome = entry.Outcome,
        OccurredAt = now,
        AccountId = entry.AccountId,
        ClientId = entry.ClientId ?? source.CallerClientId,
        SessionId = entry.SessionId,
        SourceIp = source.SourceIp,
        UserAgent = source.UserAgent,
        Detail = entry.Detail,
    };

    /// <summary>Records the event in the EF context's current transaction, or on its own when there is none.</summary>
    public Task RecordAsync(AuditEntry entry, HelpdeskDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null
            ? RecordAsync(entry, cancellationToken)
            : RecordAsync(entry, (NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken);

    /// <summary>Records an event that is itself the whole record (a sign-in attempt, a read), in a transaction of its own.</summary>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await RecordAsync(entry, connection, cancellationToken);
        }

        outboxSignal.Notify();
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, DeleteOlder, cancellationToken, ("cutoff", cutoff));
}
