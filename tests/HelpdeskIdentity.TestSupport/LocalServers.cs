using Xunit;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// One PostgreSQL and one RabbitMQ for the whole test assembly; every test class takes its own
/// database and virtual host from them (<see cref="NewEnvironmentAsync"/>); both run in containers
/// (<see cref="TestImages"/>). Tests that restart a
/// server start servers of their own instead.
/// </summary>
public sealed class LocalServers : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        Postgres = await postgres;
        RabbitMq = await rabbitMq;
    }

    public async Task<TestEnvironment> NewEnvironmentAsync(string name) =>
        new(await Postgres.CreateDatabaseAsync(name), await RabbitMq.CreateVirtualHostAsync(name));

    public async ValueTask DisposeAsync()
    {
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }

        if (RabbitMq is not null)
        {
            await RabbitMq.DisposeAsync();
        }
    }
}
