using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.MailAddresses;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>
/// E-mail change links in PostgreSQL. The methods that take a connection run in the caller's transaction, so a
/// link, its e-mail and the address change commit or roll back together.
/// </summary>
public sealed class EmailChangeStore(NpgsqlDataSource dataSource)
{
    private const string IsTaken = "SELECT EXISTS (SELECT 1 FROM users WHERE normalized_email = @email)";

    private const string Void = """
        UPDATE email_change_tokens SET voided_at = @now WHERE account_id = @account_id AND consumed_at IS NULL AND voided_at IS NULL
        """;

    private const string Issue = """
        INSERT INTO email_change_tokens (token_hash, account_id, new_email, created_at, expires_at)
        VALUES (@token_hash, @account_id, @new_email, @now, @expires_at)
        """;

    private const string FindUsable = """
        SELECT account_id, new_email FROM email_change_tokens
        WHERE token_hash = @token_hash AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > @now
        """;

    private const string Consume = """
        UPDATE email_change_tokens SET consumed_at = @now
        WHERE token_hash = @token_hash AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > @now
        RETURNING account_id, new_email
        """;

    private const string LockAccount = "SELECT email, display_name, language FROM users WHERE id = @id FOR UPDATE";

    private const string TakenByOther = "SELECT EXISTS (SELECT 1 FROM users WHERE normalized_email = @email AND id <> @id)";

    private const string ChangeAddress = """
        UPDATE users SET email = @display_email, normalized_email = @email, user_name = @email, normalized_user_name = @email,
                         email_confirmed = true, concurrency_stamp = @concurrency_stamp,
                         organization_id = @organization_id
        WHERE id = @id
        """;

    private const string Prune = """
        DELETE FROM email_change_tokens WHERE consumed_at < @cutoff OR voided_at < @cutoff OR expires_at < @cutoff
        """;

    /// <summary>Whether an account uses this canonical address.</summary>
    public async Task<bool> IsTakenAsync(NpgsqlConnection connection, string normalizedEmail, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync<bool>(connection, IsTaken, cancellationToken, ("email", normalizedEmail));

    /// <summary>Voids every outstanding link of the account (a newer request, or another change of the address).</summary>
    public Task VoidAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Void, cancellationToken, ("account_id", accountId), ("now", now));

    /// <summary>Stores a new link for <paramref name="newEmail"/> (its display form).</summary>
    public Task IssueAsync(NpgsqlConnection connection, string tokenHash, Guid accountId, string newEmail, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Issue, cancellationToken,
            ("token_hash", tokenHash), ("account_id", accountId), ("new_email", newEmail), ("now", now), ("expires_at", expiresAt));

    /// <summary>The link with this hash if it is unused, not voided and not expired at <paramref name="now"/>; else null.</summary>
    public async Task<EmailChangeLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadLinkAsync(connection, FindUsable, tokenHash, now, cancellationToken);
    }

    /// <summary>Spends the link (once: of two racing spends one wins) and voids the account's other links; null when it does not work.</summary>
    public async Task<EmailChangeLink?> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = await ReadLinkAsync(connection, Consume, tokenHash, now, cancellationToken);
        if (link is not null)
        {
            await VoidAsync(connection, link.AccountId, now, cancellationToken);
        }

        return link;
    }

    /// <summary>
    /// Gives the account its new address (verified) and the organisation of the new domain
    /// (none for <paramref name="organizationDomain"/> null, a public mail domain). Returns the account as it was
    /// before, or null when another account has the address.
    /// </summary>
    public async Task<EmailChangeAccount?> ChangeAddressAsync(
        NpgsqlConnection connection, Guid accountId, MailboxAddress newAddress, string? organizationDomain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        EmailChangeAccount before;
        await using (var command = Sql.Command(connection, LockAccount, ("id", accountId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            before = new EmailChangeAccount(accountId, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        if (await Sql.ScalarAsync<bool>(connection, TakenByOther, cancellationToken, ("email", newAddress.Address), ("id", accountId)))
        {
            return null;
        }

        // The same organisation rule as intake: the domain's organisation (created on first sight), none for public mail.
        Guid? organizationId = organizationDomain is null ? null
            : await OrganizationStore.FindOrCreateOrganizationAsync(connection, organizationDomain, now, cancellationToken);
        try
        {
            await Sql.ExecuteAsync(connection, ChangeAddress, cancellationToken,
                ("id", accountId), ("display_email", newAddress.DisplayAddress), ("email", newAddress.Address),
                ("concurrency_stamp", Guid.NewGuid().ToString()), ("organization_id", organizationId));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null; // intake or a sign-up created the address a moment ago; the caller rolls back
        }

        return before;
    }

    /// <summary>Deletes links used, voided or expired before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", cutoff));

    private static async Task<EmailChangeLink?> ReadLinkAsync(NpgsqlConnection connection, string sql, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, sql, ("token_hash", tokenHash), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new EmailChangeLink(tokenHash, reader.GetGuid(0), reader.GetString(1)) : null;
    }
}
