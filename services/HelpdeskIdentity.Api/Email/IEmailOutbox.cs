using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Writes an e-mail to the <c>email_outbox</c> table in the caller's transaction, so the mail exists
/// if and only if what caused it commits. <see cref="EmailDispatcher"/> sends it after the commit.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Enqueues on <paramref name="connection"/> inside <paramref name="transaction"/>; returns the message id (the existing one for a known idempotency key).</summary>
    Task<Guid> EnqueueAsync(EmailMessage message, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Enqueues inside the context's current transaction (<c>Database.BeginTransactionAsync</c> first); throws without one.</summary>
    Task<Guid> EnqueueAsync(EmailMessage message, HelpdeskDbContext context, CancellationToken cancellationToken);
}
