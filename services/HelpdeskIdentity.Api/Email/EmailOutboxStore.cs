using System.Diagnostics;
using HelpdeskIdentity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// The e-mail outbox in SQL. Enqueue runs in the caller's transaction and raises
/// <c>NOTIFY email_outbox</c>, which PostgreSQL delivers only when that transaction commits.
/// Delivery claims due rows with <c>FOR UPDATE SKIP LOCKED</c> and keeps them locked while they
/// are sent, so two instances never send the same row at the same time; a row is marked sent once.
/// Bodies carry links that are credentials (set a password, confirm an address): they are stored encrypted
/// with Data Protection, and emptied once the e-mail was sent (a failed one keeps its encrypted body, so an operator
/// can send it again).
/// </summary>
internal sealed class EmailOutboxStore(NpgsqlDataSource dataSource, TimeProvider clock, IDataProtectionProvider protection)
    : IEmailOutbox
{
    public const string Channel = "email_outbox";

    /// <summary>Marks an encrypted body; rows written before bodies were encrypted have none and are read as they are.</summary>
    private const string ProtectedPrefix = "dp1:";

    private readonly IDataProtector _bodies = protection.CreateProtector("HelpdeskIdentity.EmailOutbox.Bodies.v1");

    // The CTE's insert is invisible to the second SELECT: it finds the row only when the key already existed.
    private const string Enqueue = """
        WITH inserted AS (
            INSERT INTO email_outbox (id, idempotency_key, category, to_address, to_name, subject, html_body, text_body,
                                      status, created_at, next_attempt_at, attempts, trace_parent)
            VALUES (@id, @idempotency_key, @category, @to_address, @to_name, @subject, @html_body, @text_body,
                    'pending', @now, @now, 0, @trace_parent)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id)
        SELECT id FROM inserted
        UNION ALL
        SELECT id FROM email_outbox WHERE idempotency_key = @idempotency_key
        LIMIT 1;
        SELECT pg_notify('email_outbox', '');
        """;

    private const string ClaimDue = """
        SELECT id, idempotency_key, category, to_address, to_name, subject, html_body, text_body, created_at, next_attempt_at, attempts, trace_parent
        FROM email_outbox
        WHERE status = 'pending' AND next_attempt_at <= @now
        ORDER BY next_attempt_at
        LIMIT @limit
        FOR UPDATE SKIP LOCKED
        """;

    private const string Record = """
        UPDATE email_outbox SET status = @status, attempts = attempts + 1, next_attempt_at = COALESCE(@next_attempt_at, next_attempt_at),
                                sent_at = CASE WHEN @status = 'sent' THEN @now END, last_error = COALESCE(@last_error, last_error),
                                html_body = CASE WHEN @status = 'sent' THEN '' ELSE html_body END,
                                text_body = CASE WHEN @status = 'sent' THEN '' ELSE text_body END
        WHERE id = @id AND status = 'pending'
        """;

    private const string Prune = """
        DELETE FROM email_outbox WHERE (status = 'sent' AND sent_at < @cutoff) OR (status = 'failed' AND created_at < @cutoff)
        """;

    /// <summary>Deletes e-mails sent, or given up on, before <paramref name="cutoff"/>; pending ones stay. Returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", cutoff));

    public Task<Guid> EnqueueAsync(EmailMessage message, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection == connection
            ? InsertAsync(message, connection, cancellationToken)
            : throw new InvalidOperationException("The transaction does not belong to the connection.");

    public Task<Guid> EnqueueAsync(EmailMessage message, HelpdeskDbContext context, CancellationToken cancellationToken) =>
        context.Database.CurrentTransaction is { } transaction && transaction.GetDbTransaction().Connection is NpgsqlConnection connection
            ? InsertAsync(message, connection, cancellationToken)
            : throw new InvalidOperationException("Begin a transaction on the context first: the e-mail must commit or roll back with what caused it.");

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due e-mails (rows other instances hold are skipped),
    /// calls <paramref name="deliver"/> for each, records each outcome, and returns how many were claimed.
    /// </summary>
    public async Task<int> DeliverDueAsync(int batchSize, Func<EmailOutboxEntry, CancellationToken, Task<EmailOutcome>> deliver, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await ClaimAsync(connection, batchSize, cancellationToken);
        foreach (var email in due)
        {
            var outcome = await deliver(email, cancellationToken);
            await Sql.ExecuteAsync(connection, Record, cancellationToken,
                ("id", email.Id), ("status", outcome.Status), ("now", clock.GetUtcNow()),
                ("next_attempt_at", outcome.NextAttemptAt), ("last_error", outcome.Error is { } e ? e[..Math.Min(e.Length, 2000)] : null));
        }

        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task<Guid> InsertAsync(EmailMessage message, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var id = await Sql.ScalarAsync<Guid>(connection, Enqueue, cancellationToken,
            ("id", Guid.CreateVersion7(clock.GetUtcNow())), ("idempotency_key", message.IdempotencyKey), ("category", message.Category),
            ("to_address", message.ToAddress), ("to_name", message.ToName), ("subject", message.Subject),
            ("html_body", Protect(message.HtmlBody)), ("text_body", Protect(message.TextBody)), ("now", clock.GetUtcNow()),
            ("trace_parent", Activity.Current?.Id));
        return id;
    }

    private string Protect(string body) => ProtectedPrefix + _bodies.Protect(body);

    private string Unprotect(string stored) =>
        stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal) ? _bodies.Unprotect(stored[ProtectedPrefix.Length..]) : stored;

    private async Task<List<EmailOutboxEntry>> ClaimAsync(NpgsqlConnection connection, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, ClaimDue, ("now", clock.GetUtcNow()), ("limit", batchSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<EmailOutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new EmailOutboxEntry
            {
                Id = reader.GetGuid(0),
                IdempotencyKey = reader.GetString(1),
                Category = reader.GetString(2),
                ToAddress = reader.GetString(3),
                ToName = reader.IsDBNull(4) ? null : reader.GetString(4),
                Subject = reader.GetString(5),
                HtmlBody = Unprotect(reader.GetString(6)),
                TextBody = Unprotect(reader.GetString(7)),
                Status = EmailStatus.Pending,
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
                NextAttemptAt = reader.GetFieldValue<DateTimeOffset>(9),
                Attempts = reader.GetInt32(10),
                TraceParent = reader.IsDBNull(11) ? null : reader.GetString(11),
            });
        }

        return due;
    }
}
