using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>The outstanding e-mailed sign-in code of each account, in PostgreSQL (only its hash).</summary>
public interface ISignInCodeStore
{
    /// <summary>Stores the account's code in the caller's transaction, replacing the one before.</summary>
    Task ReplaceAsync(NpgsqlConnection connection, Guid accountId, string codeHash, string? returnUrl, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a code's hash against the account's code in one transaction: a right one is spent (deleted); a wrong
    /// one counts, and the code is deleted at <paramref name="maxAttempts"/>; an expired one is deleted.
    /// </summary>
    Task<SignInCodeCheck> CheckAsync(Guid accountId, Func<string, bool> matches, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes codes expired before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>What checking a code found: spent (with the sign-in's return URL), wrong, or none usable.</summary>
public sealed record SignInCodeCheck(bool Succeeded, string? ReturnUrl)
{
    public static readonly SignInCodeCheck Failed = new(false, null);
}
