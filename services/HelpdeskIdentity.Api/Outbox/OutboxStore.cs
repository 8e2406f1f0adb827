using HelpdeskIdentity.Api.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>
/// Claims due outbox rows with <c>FOR UPDATE SKIP LOCKED</c> and keeps them locked while they are
/// published, so two instances never publish the same row at the same time.
/// </summary>
internal sealed class OutboxStore(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<OutboxOptions> options)
{
    private const string ClaimDue = """
        SELECT id, message_type, payload::text, created_at, next_attempt_at, attempts, trace_parent
        FROM outbox_messages
        WHERE published_at IS NULL AND next_attempt_at <= @now
        ORDER BY next_attempt_at
        LIMIT @limit
        FOR UPDATE SKIP LOCKED
        """;

    private const string MarkPublished = "UPDATE outbox_messages SET published_at = @now, attempts = attempts + 1 WHERE id = ANY(@ids)";

    private const string Reschedule = """
        UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = @next_attempt_at, last_error = @last_error
        WHERE id = @id
        """;

    private const string DeletePublished = "DELETE FROM outbox_messages WHERE published_at < @cutoff";

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages (rows other instances hold are skipped),
    /// calls <paramref name="publish"/> for each, marks the published ones, reschedules the failed
    /// ones with back-off, and returns how many were claimed.
    /// </summary>
    public async Task<int> PublishDueAsync(int batchSize, Func<OutboxMessage, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await ClaimAsync(connection, batchSize, cancellationToken);
        if (due.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var outcomes = await Task.WhenAll(due.Select(async message =>
        {
            try
            {
                await publish(message, cancellationToken);
                return (message, Error: (Exception?)null);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return (message, Error: ex);
            }
        }));

        var now = clock.GetUtcNow();
        var published = outcomes.Where(o => o.Error is null).Select(o => o.message.Id).ToArray();
        if (published.Length > 0)
        {
            await Sql.ExecuteAsync(connection, MarkPublished, cancellationToken, ("now", now), ("ids", published));
        }

        foreach (var (message, error) in outcomes.Where(o => o.Error is not null))
        {
            await Sql.ExecuteAsync(connection, Reschedule, cancellationToken,
                ("id", message.Id), ("next_attempt_at", now + RetryBackoff.After(message.Attempts + 1, options.Value.MaxBackoff)), ("last_error", Truncate(error!.Message, 2000)));
        }

        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Forgets published messages older than <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> DeletePublishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, DeletePublished, cancellationToken, ("cutoff", cutoff));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private async Task<List<OutboxMessage>> ClaimAsync(NpgsqlConnection connection, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, ClaimDue, ("now", clock.GetUtcNow()), ("limit", batchSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new OutboxMessage
            {
                Id = reader.GetGuid(0),
                MessageType = reader.GetString(1),
                Payload = reader.GetString(2),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                NextAttemptAt = reader.GetFieldValue<DateTimeOffset>(4),
                Attempts = reader.GetInt32(5),
                TraceParent = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return due;
    }
}
