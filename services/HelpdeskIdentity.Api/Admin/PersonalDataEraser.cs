using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Contracts;
using Npgsql;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// GDPR erase (docs/decisions/0035): everything that can hold the person goes, in one transaction, with the
/// <c>account.erased</c> audit event and the <see cref="RequesterAccountErased"/> message. <see cref="Statements"/>
/// is THE list of what erase deletes: a table that can hold a person's address, name or grants belongs in it
/// (ErasureSweepTests fails for any text column left holding them). The audit trail keeps its rows: they hold
/// the account id, never an address or a name.
/// </summary>
public sealed class PersonalDataEraser(NpgsqlDataSource dataSource, AuditTrail audit, OutboxSignal outboxSignal, TimeProvider clock)
{
    // Parameters: @id (uuid), @subject (the id as tokens carry it), @addresses (every address the person is known by, lower-cased).
    private static readonly (string What, string Sql)[] Statements =
    [
        ("ticket ids counted for the account", "DELETE FROM ingested_tickets WHERE account_id = @id"),
        ("bus messages that name the person", "DELETE FROM outbox_messages WHERE message_type = 'RequesterAccountCreated' AND payload->>'accountId' = @subject"),
        ("e-mails addressed to the person", "DELETE FROM email_outbox WHERE lower(to_address) = ANY(@addresses)"),
        ("forgot-password requests", "DELETE FROM password_reset_requests WHERE lower(email) = ANY(@addresses)"),
        ("registration requests", "DELETE FROM registration_requests WHERE lower(email) = ANY(@addresses)"),
        ("registration links", "DELETE FROM registration_tokens WHERE lower(email) = ANY(@addresses)"),
        ("browser sessions", "DELETE FROM sessions WHERE account_id = @id"),
        ("OpenIddict's tokens and authorizations", """
            DELETE FROM openiddict_tokens WHERE subject = @subject OR authorization_id IN (SELECT id FROM openiddict_authorizations WHERE subject = @subject);
            DELETE FROM openiddict_authorizations WHERE subject = @subject
            """),
        ("e-mailed sign-in codes", "DELETE FROM sign_in_codes WHERE account_id = @id"),
        ("set-password links", "DELETE FROM password_reset_tokens WHERE account_id = @id"),
        ("e-mail change links", "DELETE FROM email_change_tokens WHERE account_id = @id"),
        ("password history", "DELETE FROM password_history WHERE account_id = @id"),
        ("Identity's claims, logins and tokens", """
            DELETE FROM user_claims WHERE user_id = @id;
            DELETE FROM user_logins WHERE user_id = @id;
            DELETE FROM user_tokens WHERE user_id = @id
            """),
        ("the account: address, name, password hash, language", "DELETE FROM users WHERE id = @id"),
    ];

    // The account's own address forms, and the new address of an e-mail change it has asked for.
    private const string FindAddresses = """
        SELECT ARRAY[email, normalized_email, user_name] || coalesce((SELECT array_agg(new_email) FROM email_change_tokens WHERE account_id = @id), '{}')
        FROM users WHERE id = @id FOR UPDATE
        """;

    /// <summary>Erases the account; false when there is none.</summary>
    public async Task<bool> EraseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Sql.ScalarAsync<string?[]>(connection, FindAddresses, cancellationToken, ("id", id)) is not { } addresses)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        foreach (var (_, statement) in Statements)
        {
            await Sql.ExecuteAsync(connection, statement, cancellationToken,
                ("id", id), ("subject", id.ToString()), ("addresses", addresses.OfType<string>().Select(a => a.ToLowerInvariant()).Distinct().ToArray()));
        }

        await audit.RecordAsync(new AuditEntry(AuditEventTypes.AccountErased, id), connection, cancellationToken);
        await OutboxRows.EnqueueAsync(connection, new RequesterAccountErased { AccountId = id, ErasedAt = now }, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        return true;
    }
}
