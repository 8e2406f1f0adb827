using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>Passkeys and started ceremonies in PostgreSQL. Methods that take a connection run in the caller's transaction.</summary>
public interface IPasskeyStore
{
    Task<IReadOnlyList<Passkey>> ListAsync(Guid accountId, CancellationToken cancellationToken);

    Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    Task<bool> CredentialIdExistsAsync(byte[] credentialId, CancellationToken cancellationToken);

    Task AddAsync(NpgsqlConnection connection, Passkey passkey, CancellationToken cancellationToken);

    /// <summary>After a sign-in: the new counter and the time; false when the passkey is gone.</summary>
    Task<bool> RecordUseAsync(Guid id, uint signCount, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Renames one of the account's passkeys; false when it has none with this id.</summary>
    Task<bool> RenameAsync(Guid accountId, Guid id, string name, CancellationToken cancellationToken);

    /// <summary>Deletes one of the account's passkeys; false when it has none with this id.</summary>
    Task<bool> RemoveAsync(NpgsqlConnection connection, Guid accountId, Guid id, CancellationToken cancellationToken);

    /// <summary>Locks the account's passkey rows and counts them (so two removals cannot both take the last one).</summary>
    Task<int> CountForUpdateAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken);

    Task StartCeremonyAsync(PasskeyCeremony ceremony, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes and returns the unexpired ceremony of this handle hash and purpose: each answers once. Null when there is none.</summary>
    Task<PasskeyCeremony?> TakeCeremonyAsync(string handleHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes ceremonies that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PruneCeremoniesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
