using System.Net;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Health;

public sealed class HealthTests(IntakeFixture fixture, LocalServers servers) : IClassFixture<IntakeFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_WithDatabaseAndBusUp_ReportsBothHealthy()
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("checks");
        checks.GetProperty("postgresql").GetString().ShouldBe("Healthy");
        checks.EnumerateObject().ShouldContain(c => c.Name.StartsWith("masstransit", StringComparison.Ordinal) && c.Value.GetString() == "Healthy");
    }

    [Fact]
    public async Task Ready_WithDatabaseUnreachable_Is503WhileLiveStaysUp()
    {
        var environment = await servers.NewEnvironmentAsync("health_down");
        var closedPort = FreePorts.Find(40000, 49999);
        await using var host = await new IdentityHost(environment with
        {
            ConnectionString = $"Host=127.0.0.1;Port={closedPort};Database=none;Username=postgres;Timeout=2",
        }, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }).StartAsync();
        using var client = host.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Cancellation);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancellation)).RootElement
            .GetProperty("checks").GetProperty("postgresql").GetString().ShouldBe("Unhealthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
