using HelpdeskIdentity.Api.Accounts;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>A running service with its own database and virtual host, and a broker client beside it.</summary>
public class IntakeFixture(LocalServers servers) : IAsyncLifetime
{
    public IdentityHost Host { get; private set; } = null!;

    public TestBus Bus { get; private set; } = null!;

    /// <summary>Settings the test class needs beyond the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The service's clock, when the test class moves time itself.</summary>
    protected virtual TimeProvider? Clock => null;

    public async ValueTask InitializeAsync()
    {
        var environment = await servers.NewEnvironmentAsync(GetType().Name.ToLowerInvariant());
        Host = await new IdentityHost(environment, Settings) { Clock = Clock }.StartAsync();
        Bus = await TestBus.ConnectAsync(environment.AmqpUrl);
    }

    public Task<Account> CreateAccountAsync(string email, string password, string? name = null) =>
        Host.CreateAccountAsync(email, password, name);

    public async ValueTask DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.DisposeAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
