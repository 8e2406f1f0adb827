using HelpdeskIdentity.Api.MailAddresses;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>
/// E-mail change links in PostgreSQL. The methods that take a connection run in the caller's transaction, so a
/// link, its e-mail and the address change commit or roll back together.
/// </summary>
public interface IEmailChangeStore
{
    /// <summary>Whether an account uses this canonical address.</summary>
    Task<bool> IsTakenAsync(NpgsqlConnection connection, string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Voids every outstanding link of the account (a newer request, or another change of the address).</summary>
    Task VoidAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores a new link for <paramref name="newEmail"/> (its display form).</summary>
    Task IssueAsync(NpgsqlConnection connection, string tokenHash, Guid accountId, string newEmail, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The link with this hash if it is unused, not voided and not expired at <paramref name="now"/>; else null.</summary>
    Task<EmailChangeLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends the link (once: of two racing spends one wins) and voids the account's other links; null when it does not work.</summary>
    Task<EmailChangeLink?> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the account its new address (verified) and the organisation of the new domain
    /// (none for <paramref name="organizationDomain"/> null, a public mail domain). Returns the account as it was
    /// before, or null when another account has the address.
    /// </summary>
    Task<EmailChangeAccount?> ChangeAddressAsync(NpgsqlConnection connection, Guid accountId, MailboxAddress newAddress, string? organizationDomain, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes links used, voided or expired before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
