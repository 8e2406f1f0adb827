using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// Register-page requests and verification links in PostgreSQL. The methods that take a connection run in the
/// caller's transaction, so links, e-mails and the new account commit or roll back together.
/// </summary>
public interface IRegistrationStore
{
    /// <summary>One INSERT, the same whatever the address.</summary>
    Task AddRequestAsync(RegistrationRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Locks up to <paramref name="limit"/> waiting requests, oldest first (skipping those another instance holds); the worker deletes each it handles or gives up.</summary>
    Task<IReadOnlyList<RegistrationRequest>> TakeRequestsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken);

    /// <summary>The organisation that owns exactly this domain (lower-case A-label), or null.</summary>
    Task<OrganizationMatch?> FindOrganizationAsync(NpgsqlConnection connection, string domain, CancellationToken cancellationToken);

    /// <summary>The organisation of the domain, created (as intake creates it, one per domain even under races) when there is none.</summary>
    Task<Guid> FindOrCreateOrganizationAsync(NpgsqlConnection connection, string domain, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Voids every outstanding link for the address, then stores the new one.</summary>
    Task IssueAsync(NpgsqlConnection connection, string tokenHash, RegistrationRequest request, string? returnUrl, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The link with this hash if it is unused, not voided and not expired at <paramref name="now"/>; else null.</summary>
    Task<RegistrationLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends the link (once: of two racing spends one wins) and voids the address's other links; false when it no longer worked.</summary>
    Task<bool> ConsumeAsync(NpgsqlConnection connection, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes links used, voided or expired before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
