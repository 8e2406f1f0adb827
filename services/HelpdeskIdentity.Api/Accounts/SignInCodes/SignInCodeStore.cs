using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>The outstanding e-mailed sign-in code of each account, in PostgreSQL (only its hash).</summary>
public sealed class SignInCodeStore(NpgsqlDataSource dataSource)
{
    private const string Replace = """
        INSERT INTO sign_in_codes (account_id, code_hash, created_at, expires_at, failed_attempts, return_url)
        VALUES (@account_id, @code_hash, @now, @expires_at, 0, @return_url)
        ON CONFLICT (account_id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at,
            expires_at = excluded.expires_at, failed_attempts = 0, return_url = excluded.return_url
        """;

    private const string Lock = "SELECT code_hash, expires_at, failed_attempts, return_url FROM sign_in_codes WHERE account_id = @account_id FOR UPDATE";

    private const string Delete = "DELETE FROM sign_in_codes WHERE account_id = @account_id";

    private const string CountFailure = "UPDATE sign_in_codes SET failed_attempts = failed_attempts + 1 WHERE account_id = @account_id";

    private const string Prune = "DELETE FROM sign_in_codes WHERE expires_at < @cutoff";

    /// <summary>Stores the account's code in the caller's transaction, replacing the one before.</summary>
    public Task ReplaceAsync(NpgsqlConnection connection, Guid accountId, string codeHash, string? returnUrl, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Replace, cancellationToken,
            ("account_id", accountId), ("code_hash", codeHash), ("now", now), ("expires_at", expiresAt), ("return_url", returnUrl));

    /// <summary>Deletes the account's outstanding code in the caller's transaction: its sessions end for a security change (<see cref="Sessions.AccountSessions"/>).</summary>
    public static Task VoidAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Delete, cancellationToken, ("account_id", accountId));

    /// <summary>
    /// Checks a code's hash against the account's code in one transaction: a right one is spent (deleted); a wrong
    /// one counts, and the code is deleted at <paramref name="maxAttempts"/>; an expired one is deleted.
    /// </summary>
    public async Task<SignInCodeCheck> CheckAsync(Guid accountId, Func<string, bool> matches, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string hash;
        DateTimeOffset expiresAt;
        int failed;
        string? returnUrl;
        await using (var command = Sql.Command(connection, Lock, ("account_id", accountId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return SignInCodeCheck.Failed;
            }

            (hash, expiresAt, failed, returnUrl) = (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        var result = SignInCodeCheck.Failed;
        if (expiresAt > now && matches(hash))
        {
            result = new SignInCodeCheck(true, returnUrl);
            await Sql.ExecuteAsync(connection, Delete, cancellationToken, ("account_id", accountId));
        }
        else
        {
            var spent = expiresAt <= now || failed + 1 >= maxAttempts;
            await Sql.ExecuteAsync(connection, spent ? Delete : CountFailure, cancellationToken, ("account_id", accountId));
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Deletes codes expired before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", cutoff));
}

/// <summary>What checking a code found: spent (with the sign-in's return URL), wrong, or none usable.</summary>
public sealed record SignInCodeCheck(bool Succeeded, string? ReturnUrl)
{
    public static readonly SignInCodeCheck Failed = new(false, null);
}
