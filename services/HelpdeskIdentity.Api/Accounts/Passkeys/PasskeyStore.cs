using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>Passkeys and ceremonies in SQL (see <see cref="IPasskeyStore"/>).</summary>
internal sealed class PasskeyStore(NpgsqlDataSource dataSource) : IPasskeyStore
{
    private const string Columns =
        "id, account_id, credential_id, public_key, sign_count, transports, aaguid, backup_eligible, name, created_at, last_used_at";

    private const string List = $"SELECT {Columns} FROM passkeys WHERE account_id = @account_id ORDER BY created_at, id";

    private const string FindByCredential = $"SELECT {Columns} FROM passkeys WHERE credential_id = @credential_id";

    private const string Exists = "SELECT EXISTS (SELECT 1 FROM passkeys WHERE credential_id = @credential_id)";

    private const string Insert = $"""
        INSERT INTO passkeys ({Columns})
        VALUES (@id, @account_id, @credential_id, @public_key, @sign_count, @transports, @aaguid, @backup_eligible, @name, @created_at, NULL)
        """;

    private const string Use = "UPDATE passkeys SET sign_count = @sign_count, last_used_at = @now WHERE id = @id";

    private const string Rename = "UPDATE passkeys SET name = @name WHERE id = @id AND account_id = @account_id";

    private const string Delete = "DELETE FROM passkeys WHERE id = @id AND account_id = @account_id";

    private const string LockAndCount = "SELECT count(*) FROM (SELECT 1 FROM passkeys WHERE account_id = @account_id FOR UPDATE) AS locked";

    private const string StartCeremony = """
        INSERT INTO passkey_ceremonies (handle_hash, purpose, account_id, binding, options, expires_at)
        VALUES (@handle_hash, @purpose, @account_id, @binding, @options, @expires_at)
        """;

    private const string TakeCeremony = """
        DELETE FROM passkey_ceremonies WHERE handle_hash = @handle_hash AND purpose = @purpose AND expires_at > @now
        RETURNING account_id, binding, options
        """;

    private const string PruneCeremonies = "DELETE FROM passkey_ceremonies WHERE expires_at <= @now";

    public async Task<IReadOnlyList<Passkey>> ListAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, List, ("account_id", accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var passkeys = new List<Passkey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            passkeys.Add(Read(reader));
        }

        return passkeys;
    }

    public async Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, FindByCredential, ("credential_id", credentialId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<bool> CredentialIdExistsAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<bool>(connection, Exists, cancellationToken, ("credential_id", credentialId));
    }

    public Task AddAsync(NpgsqlConnection connection, Passkey passkey, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Insert, cancellationToken,
            ("id", passkey.Id), ("account_id", passkey.AccountId), ("credential_id", passkey.CredentialId), ("public_key", passkey.PublicKey),
            ("sign_count", (long)passkey.SignCount), ("transports", passkey.Transports.ToArray()), ("aaguid", passkey.AaGuid),
            ("backup_eligible", passkey.BackupEligible), ("name", passkey.Name), ("created_at", passkey.CreatedAt));

    public async Task<bool> RecordUseAsync(Guid id, uint signCount, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(dataSource, Use, cancellationToken, ("id", id), ("sign_count", (long)signCount), ("now", now)) == 1;

    public async Task<bool> RenameAsync(Guid accountId, Guid id, string name, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(dataSource, Rename, cancellationToken, ("id", id), ("account_id", accountId), ("name", name)) == 1;

    public async Task<bool> RemoveAsync(NpgsqlConnection connection, Guid accountId, Guid id, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, Delete, cancellationToken, ("id", id), ("account_id", accountId)) == 1;

    public async Task<int> CountForUpdateAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarAsync<long>(connection, LockAndCount, cancellationToken, ("account_id", accountId));

    public Task StartCeremonyAsync(PasskeyCeremony ceremony, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, StartCeremony, cancellationToken,
            ("handle_hash", ceremony.HandleHash), ("purpose", ceremony.Purpose), ("account_id", ceremony.AccountId),
            ("binding", ceremony.Binding), ("options", ceremony.Options), ("expires_at", expiresAt));

    public async Task<PasskeyCeremony?> TakeCeremonyAsync(string handleHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, TakeCeremony, ("handle_hash", handleHash), ("purpose", purpose), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PasskeyCeremony(handleHash, purpose, reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2))
            : null;
    }

    public Task<int> PruneCeremoniesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, PruneCeremonies, cancellationToken, ("now", now));

    private static Passkey Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), (uint)reader.GetInt64(4),
        reader.GetFieldValue<string[]>(5), reader.GetGuid(6), reader.GetBoolean(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10));
}
