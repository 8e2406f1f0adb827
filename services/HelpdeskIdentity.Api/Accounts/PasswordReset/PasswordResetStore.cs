using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// Forgot-password requests and set-password links in PostgreSQL. The methods that take a connection run in
/// the caller's transaction, so links, e-mails and the password change commit or roll back together.
/// </summary>
public sealed class PasswordResetStore(NpgsqlDataSource dataSource)
{
    private const string InsertRequest = """
        INSERT INTO password_reset_requests (id, email, return_url, language, purpose, created_at) VALUES (@id, @email, @return_url, @language, @purpose, @now)
        """;

    private const string TakeRequests = """
        SELECT id, email, return_url, language, purpose FROM password_reset_requests ORDER BY created_at LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <summary><see cref="Account.HeldByOperator"/> of a <c>users</c> row, with <c>@locked_forever</c> = <see cref="Account.LockedForever"/>.</summary>
    private const string HeldByOperator = "(disabled_at IS NOT NULL OR coalesce(lockout_end >= @locked_forever, false))";

    private const string FindAccount = $"SELECT id, email, display_name, email_confirmed, {HeldByOperator} FROM users WHERE normalized_email = @email";

    private const string Issue = """
        UPDATE password_reset_tokens SET voided_at = @now WHERE account_id = @account_id AND consumed_at IS NULL AND voided_at IS NULL;
        INSERT INTO password_reset_tokens (token_hash, account_id, created_at, expires_at, return_url)
        VALUES (@token_hash, @account_id, @now, @expires_at, @return_url);
        """;

    private const string FindUsable = """
        SELECT t.account_id, u.email, t.return_url, u.display_name IS NOT NULL, u.suggested_display_name, u.two_factor_enabled
        FROM password_reset_tokens t JOIN users u ON u.id = t.account_id
        WHERE t.token_hash = @token_hash AND t.consumed_at IS NULL AND t.voided_at IS NULL AND t.expires_at > @now
        """;

    // The account's row stays locked to the end of the transaction: an operator's lock or disable waits for it, then holds.
    private const string Consume = $"""
        WITH account AS (
            SELECT id FROM users
            WHERE id = (SELECT account_id FROM password_reset_tokens WHERE token_hash = @token_hash) AND NOT {HeldByOperator}
            FOR UPDATE)
        UPDATE password_reset_tokens SET consumed_at = @now
        WHERE token_hash = @token_hash AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > @now
            AND account_id IN (SELECT id FROM account)
        RETURNING account_id
        """;

    private const string VoidOthers = """
        UPDATE password_reset_tokens SET voided_at = @now WHERE account_id = @account_id AND consumed_at IS NULL AND voided_at IS NULL
        """;

    private const string Prune = """
        DELETE FROM password_reset_tokens WHERE consumed_at < @cutoff OR voided_at < @cutoff OR expires_at < @cutoff
        """;

    /// <summary>One INSERT, the same whether or not the address has an account.</summary>
    public Task AddRequestAsync(PasswordResetRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, InsertRequest, cancellationToken,
            ("id", request.Id), ("email", request.Email), ("return_url", request.ReturnUrl), ("language", request.Language), ("purpose", request.Purpose), ("now", now));

    /// <summary>Locks up to <paramref name="limit"/> waiting requests, oldest first (skipping those another instance holds); the worker deletes each it handles or gives up.</summary>
    public async Task<IReadOnlyList<PasswordResetRequest>> TakeRequestsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, TakeRequests, ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<PasswordResetRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new PasswordResetRequest(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return requests;
    }

    public async Task<PasswordResetAccount?> FindAccountAsync(NpgsqlConnection connection, string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, FindAccount, ("email", normalizedEmail), ("locked_forever", Account.LockedForever));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PasswordResetAccount(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4))
            : null;
    }

    /// <summary>Voids every outstanding link of the account, then stores the new one.</summary>
    public Task IssueAsync(NpgsqlConnection connection, string tokenHash, Guid accountId, string? returnUrl, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Issue, cancellationToken,
            ("token_hash", tokenHash), ("account_id", accountId), ("now", now), ("expires_at", expiresAt), ("return_url", returnUrl));

    /// <summary>The link with this hash if it is unused, not voided and not expired at <paramref name="now"/>; else null.</summary>
    public async Task<PasswordResetLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, FindUsable, ("token_hash", tokenHash), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PasswordResetLink(tokenHash, reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5))
            : null;
    }

    /// <summary>
    /// Spends the link (once: of two racing spends one wins) and voids the account's other links; returns its account, or
    /// null — also when an operator holds the account (<see cref="Account.HeldByOperator"/>, docs/decisions/0055).
    /// </summary>
    public async Task<Guid?> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accountId = await Sql.ScalarAsync<Guid?>(connection, Consume, cancellationToken,
            ("token_hash", tokenHash), ("now", now), ("locked_forever", Account.LockedForever));
        if (accountId is { } id)
        {
            await VoidLinksAsync(connection, id, now, cancellationToken);
        }

        return accountId;
    }

    /// <summary>Voids every outstanding link of the account (its password or address changed another way).</summary>
    public Task VoidLinksAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, VoidOthers, cancellationToken, ("account_id", accountId), ("now", now));

    /// <summary>Deletes links used, voided or expired before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", cutoff));

}
