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
    public async Task Ready_AfterTheDatabaseStops_Is503WhileLiveStaysUp()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var environment = new TestEnvironment(await postgres.CreateDatabaseAsync("health_down"), await servers.RabbitMq.CreateVirtualHostAsync("health_down"));
        await using var host = await new IdentityHost(environment).StartAsync();
        using var client = host.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await postgres.StopAsync();
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Cancellation);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancellation)).RootElement
            .GetProperty("checks").GetProperty("postgresql").GetString().ShouldBe("Unhealthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
