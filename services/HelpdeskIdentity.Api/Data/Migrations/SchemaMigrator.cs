using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace HelpdeskIdentity.Api.Data.Migrations;

/// <summary>
/// Applies the numbered SQL scripts embedded from Data/Migrations, each once and in its own
/// transaction, under a PostgreSQL advisory lock so instances starting together take turns. A script
/// changed after it was applied stops the service: schema history is append-only.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x4844_4944_4D49_4752; // "HDIDMIGR"
    private const string ResourcePrefix = "HelpdeskIdentity.Api.Data.Migrations.";

    public static IReadOnlyList<(string Version, string Sql)> Scripts { get; } = LoadScripts();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try
        {
            await Sql.ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamp with time zone NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            foreach (var (version, sql) in Scripts)
            {
                var checksum = Checksum(sql);
                if (applied.TryGetValue(version, out var appliedChecksum))
                {
                    if (appliedChecksum != checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {version} was changed after it was applied. Add a new script instead of editing an applied one.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Sql.ExecuteAsync(connection, sql, cancellationToken);
                await Sql.ExecuteAsync(connection, "INSERT INTO schema_migrations (version, checksum) VALUES (@version, @checksum)",
                    cancellationToken, ("version", version), ("checksum", checksum));
                await transaction.CommitAsync(cancellationToken);
                LogApplied(version);
            }
        }
        finally
        {
            await Sql.ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static string Checksum(string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));

    private static List<(string, string)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name[ResourcePrefix.Length..^".sql".Length], reader.ReadToEnd());
            })
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version}")]
    private partial void LogApplied(string version);
}
