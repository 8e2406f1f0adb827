using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// The service in-process, on a test's own database and virtual host. Several hosts on one
/// environment behave like several instances of the service behind one queue.
/// </summary>
public sealed class IdentityHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly StartupFailures _startupFailures = new();

    public IdentityHost(TestEnvironment environment, IDictionary<string, string?>? settings = null)
    {
        Environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = environment.ConnectionString,
            ["RabbitMq:Url"] = environment.AmqpUrl,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:02",
            ["Oidc:Issuer"] = Issuer,
            ["Branding:SupportEmail"] = "support@helpdesk.example",
            ["Email:From"] = "Helpdesk <no-reply@helpdesk.example>",
            ["Email:PickupDirectory"] = PickupDirectory,
            ["Email:PollInterval"] = "00:00:00.200",
            ["Email:MaxBackoff"] = "00:00:00.200",
            // Many hosts share the test process: one aggressive full collection per host start would pause them all.
            ["Runtime:ReleaseStartupMemory"] = "false",
            // No load balancer in front of a test host: nothing to drain on dispose (ShutdownDrainTests set it).
            ["Runtime:ShutdownDrain"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// The configured issuer; deliberately not the test server's own address, which tokens must never echo. Written as
    /// the provider writes it (a root URL ends in '/'), the identifier clients compare exactly.
    /// </summary>
    public const string Issuer = "https://id.helpdesk.test/";

    public TestEnvironment Environment { get; }

    /// <summary>This host's own pickup folder (Email:Provider Pickup, the default).</summary>
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "hdid-mailbox-" + Guid.NewGuid().ToString("N"));

    /// <summary>What the host logged, after its level filters.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>
    /// Waits for a pruner's own pass at start-up to log what it pruned: it runs beside the test from the host's start,
    /// so rows a test adds (or ages) before it ends may be its to delete. Completes on that log entry, within 30 s.
    /// </summary>
    public async Task StartUpPruneDoneAsync<TPruner>()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await Logs.WaitForAsync(e => e.Category == typeof(TPruner).FullName && e.Message.StartsWith("Pruned ", StringComparison.Ordinal), timeout.Token);
    }

    /// <summary>When set, replaces the service's clock (key rotation, expiry).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Registrations after the service's own, e.g. to put back a component a test compares against.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>When set, the container checks every registration when it is built, and scoped services resolve only in scopes.</summary>
    public bool ValidateServices { get; init; }

    /// <summary>Starts the host: schema migrated, bus connected, consumers listening.</summary>
    public async Task<IdentityHost> StartAsync()
    {
        try
        {
            _ = Server;
        }
        catch (ObjectDisposedException disposed) when (_startupFailures.First is { } cause)
        {
            throw new InvalidOperationException($"The host failed to start: {cause.Message}", new AggregateException(cause, disposed));
        }

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

    /// <summary>A claimed account, created the way the operator command creates one.</summary>
    public async Task<Account> CreateAccountAsync(string email, string password, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreateAsync(email, name, password);
        result.Errors.ShouldBeEmpty();
        return result.Account!;
    }

    /// <summary>
    /// Returns once <paramref name="bus"/> has received every bus event this service wrote so far: no outbox row is left
    /// unpublished (a row is marked only after the broker accepted it), then a marker sent behind them arrives. What the
    /// bus holds then is all the service sends, bar the re-send after a crash between publish and mark (decisions/0004).
    /// </summary>
    public async Task EveryEventReceivedAsync(TestBus bus, TimeSpan? timeout = null)
    {
        await Eventually.HoldsAsync(() => QueryAsync(db => db.OutboxMessages.AllAsync(m => m.PublishedAt != null)),
            "every outbox row published", timeout);
        await bus.ReceivedEverythingAcceptedAsync(timeout);
    }

    public Task<int> CountAccountsAsync(string normalizedEmail) =>
        QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalizedEmail));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (ValidateServices)
        {
            builder.UseDefaultServiceProvider(provider =>
            {
                provider.ValidateOnBuild = true;
                provider.ValidateScopes = true;
            });
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(_startupFailures).AddProvider(Logs));
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
        // Requests run in the calling test's execution context, so CounterRecorder can tell its own test's measurements.
        builder.ConfigureServices(services => services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true));
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(Clock));
        }

        if (ExtraServices is not null)
        {
            builder.ConfigureServices(ExtraServices);
        }
    }
}
