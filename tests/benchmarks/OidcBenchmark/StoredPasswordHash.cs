using System.Buffers.Binary;
using System.Globalization;
using Npgsql;

namespace OidcBenchmark;

/// <summary>
/// The benchmark user's password hash as the service stored it, so the floor verifies exactly what a
/// sign-in verifies; and what its ASP.NET Core Identity V3 header says (PRF, iterations, salt).
/// </summary>
internal sealed record StoredPasswordHash(string Hash)
{
    /// <exception cref="BenchmarkException">The database is unreachable or has no such account.</exception>
    public static async Task<StoredPasswordHash> ReadAsync(string connectionString, Guid accountId, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "oidc-benchmark" };
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(builder);
            await using var command = dataSource.CreateCommand("SELECT password_hash FROM users WHERE id = @id");
            command.Parameters.AddWithValue("id", accountId);
            return await command.ExecuteScalarAsync(cancellationToken) is string hash
                ? new StoredPasswordHash(hash)
                : throw new BenchmarkException($"Account {accountId} has no password hash in {builder.Host}:{builder.Port}/{builder.Database}.");
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new BenchmarkException(
                $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database} is not usable ({ex.Message}); is deploy/local/run.sh still running?");
        }
    }

    /// <summary>E.g. "Identity V3: PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt".</summary>
    public string Describe()
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Hash);
        }
        catch (FormatException)
        {
            return "not base64: an unknown format";
        }

        if (bytes is [0x00, ..])
        {
            return "Identity V2: PBKDF2-HMAC-SHA1, 1,000 iterations, 128-bit salt";
        }

        if (bytes is not [0x01, ..] || bytes.Length < 13)
        {
            return "an unknown format";
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) switch
        {
            0 => "HMAC-SHA1",
            1 => "HMAC-SHA256",
            2 => "HMAC-SHA512",
            var other => $"PRF {other}",
        };
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltBits = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)) * 8;
        return string.Create(CultureInfo.InvariantCulture, $"Identity V3: PBKDF2-{prf}, {iterations:N0} iterations, {saltBits}-bit salt");
    }
}
