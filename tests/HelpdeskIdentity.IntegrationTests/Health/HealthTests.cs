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

    [Fact]
    public async Task Sigterm_ReadyTurns503WhileEveryOtherRequestIsStillServed_ThenTheProcessExitsCleanly()
    {
        var environment = await servers.NewEnvironmentAsync("health_drain");
        var drain = TimeSpan.FromSeconds(4);
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing", // plain HTTP on loopback, as the other service-process tests have it
            ["ConnectionStrings__Identity"] = environment.ConnectionString,
            ["RabbitMq__Url"] = environment.AmqpUrl,
            ["Oidc__Issuer"] = IdentityHost.Issuer,
            ["Runtime__ShutdownDrain"] = "00:00:04",
        });
        using var client = new HttpClient { BaseAddress = new Uri(service.Url) };
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exited = service.TerminateAsync(TimeSpan.FromSeconds(30));
        HttpResponseMessage? ready = null;
        await Eventually.HoldsAsync(async () =>
            (ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation)).StatusCode == HttpStatusCode.ServiceUnavailable,
            "/health/ready answers 503 once SIGTERM arrived", TimeSpan.FromSeconds(3));
        var signalledToNotReady = clock.Elapsed;

        // The load balancer's signal, and nothing else: a request that still arrives is answered in full.
        JsonDocument.Parse(await ready!.Content.ReadAsStringAsync(Cancellation)).RootElement
            .GetProperty("checks").GetProperty("shutdown").GetString().ShouldBe("Unhealthy");
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var discovery = await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative), Cancellation);
        discovery.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/account/login", UriKind.Relative), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        exited.IsCompleted.ShouldBeFalse($"the process waits out the drain; 503 came {signalledToNotReady.TotalMilliseconds:F0} ms after SIGTERM");

        (await exited).ShouldBe(0, service.Output);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(drain, "the process stopped only after the drain");
        service.Output.ShouldContain("/health/ready answers 503 for 4000 ms");
    }
}
