using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.MailAddresses;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>E-mail change links, and the address change itself, in SQL (see <see cref="IEmailChangeStore"/>).</summary>
internal sealed class EmailChangeStore(NpgsqlDataSource dataSource) : IEmailChangeStore
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

    public async Task<bool> IsTakenAsync(NpgsqlConnection connection, string normalizedEmail, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync<bool>(connection, IsTaken, cancellationToken, ("email", normalizedEmail));

    public Task VoidAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Void, cancellationToken, ("account_id", accountId), ("now", now));

    public Task IssueAsync(NpgsqlConnection connection, string tokenHash, Guid accountId, string newEmail, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Issue, cancellationToken,
            ("token_hash", tokenHash), ("account_id", accountId), ("new_email", newEmail), ("now", now), ("expires_at", expiresAt));

    public async Task<EmailChangeLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadLinkAsync(connection, FindUsable, tokenHash, now, cancellationToken);
    }

    public async Task<EmailChangeLink?> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = await ReadLinkAsync(connection, Consume, tokenHash, now, cancellationToken);
        if (link is not null)
        {
            await VoidAsync(connection, link.AccountId, now, cancellationToken);
        }

        return link;
    }

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

    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", cutoff));

    private static async Task<EmailChangeLink?> ReadLinkAsync(NpgsqlConnection connection, string sql, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, sql, ("token_hash", tokenHash), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new EmailChangeLink(tokenHash, reader.GetGuid(0), reader.GetString(1)) : null;
    }
}
