using DotNet.Testcontainers.Containers;
using Npgsql;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// A real, throwaway PostgreSQL 15 server in a container (Testcontainers; image from <see cref="TestImages"/>).
/// Its port stays the same when it is stopped and started again, and its data is kept.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly IContainer _container;

    private PostgresServer(IContainer container, int port)
    {
        _container = container;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var port = FreePorts.Find(18000, 19499);
        var container = TestImages.Builder(TestImages.Postgres, (port, 5432))
            .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "trust") // the official image; ours trusts everyone anyway
            // No fsync (only an operating-system crash would lose data), but commits are written before they are
            // acknowledged: a container stop may end in a kill, and what the server confirmed must survive it.
            .WithCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off", "-c", "full_page_writes=off")
            .Build();
        var server = new PostgresServer(container, port);
        await TestImages.StartNewAsync(container);
        await server.ReadyAsync();
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

    /// <summary>Stops the container (PostgreSQL shuts down); its data stays in the container.</summary>
    public Task StopAsync() => _container.StopAsync();

    /// <summary>Starts the stopped container again, on the same port, and waits until it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        await _container.StartAsync();
        await ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _container.DisposeAsync();
    }

    private Task ReadyAsync() => TestImages.ReadyAsync(async () =>
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false;Timeout=2");
        await connection.OpenAsync();
    }, "PostgreSQL", TimeSpan.FromSeconds(60));
}
