using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// The service in-process, on a test's own database and virtual host. Several hosts on one
/// environment behave like several instances of the service behind one queue.
/// </summary>
public sealed class IdentityHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public IdentityHost(TestEnvironment environment, IDictionary<string, string?>? settings = null)
    {
        Environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = environment.ConnectionString,
            ["RabbitMq:Url"] = environment.AmqpUrl,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:02",
            ["Branding:SupportEmail"] = "support@helpdesk.example",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestEnvironment Environment { get; }

    /// <summary>Starts the host: schema migrated, bus connected, consumers listening.</summary>
    public async Task<IdentityHost> StartAsync()
    {
        _ = Server;
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return this;
    }

    public Task PublishAsync(TicketReceived ticket) => Services.GetRequiredService<IBus>().Publish(ticket);

    /// <summary>Runs a query against the host's database through a fresh EF context.</summary>
    public async Task<T> QueryAsync<T>(Func<HelpdeskDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        return await query(db);
    }

    public Task<int> CountAccountsAsync(string normalizedEmail) =>
        QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalizedEmail));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }
}
