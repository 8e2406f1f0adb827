using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// Forgot-password requests and set-password links in PostgreSQL. The methods that take a connection run in
/// the caller's transaction, so links, e-mails and the password change commit or roll back together.
/// </summary>
public interface IPasswordResetStore
{
    /// <summary>One INSERT, the same whether or not the address has an account.</summary>
    Task AddRequestAsync(PasswordResetRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Locks up to <paramref name="limit"/> waiting requests, oldest first (skipping those another instance holds); the worker deletes each it handles or gives up.</summary>
    Task<IReadOnlyList<PasswordResetRequest>> TakeRequestsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken);

    Task<PasswordResetAccount?> FindAccountAsync(NpgsqlConnection connection, string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Voids every outstanding link of the account, then stores the new one.</summary>
    Task IssueAsync(NpgsqlConnection connection, string tokenHash, Guid accountId, string? returnUrl, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The link with this hash if it is unused, not voided and not expired at <paramref name="now"/>; else null.</summary>
    Task<PasswordResetLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends the link (once: of two racing spends one wins) and voids the account's other links; returns its account, or null.</summary>
    Task<Guid?> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Voids every outstanding link of the account (its password or address changed another way).</summary>
    Task VoidLinksAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes links used, voided or expired before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
