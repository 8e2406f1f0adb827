using Npgsql;

namespace HelpdeskIdentity.TestSupport;

/// <summary>A real, throwaway PostgreSQL server in a temporary folder, started by deploy/local/postgres.sh.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer(Directory.CreateTempSubdirectory("hdid-pg-").FullName, FreePorts.Find(40000, 49999));
        await server.StartAgainAsync();
        return server;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=150";

    /// <summary>A new empty database on this server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task StopAsync() => Shell.RunAsync(Repository.Script("postgres.sh"), "stop", _directory);

    public Task StartAgainAsync() =>
        Shell.RunAsync(Repository.Script("postgres.sh"), "start", _directory, Port.ToString(), "--throwaway");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
