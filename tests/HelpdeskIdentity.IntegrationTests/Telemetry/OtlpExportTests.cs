using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Telemetry;

public sealed class OtlpExportTests(LocalServers servers)
{
    [Fact]
    public async Task ServiceBinary_WithStandardOtelVariables_ExportsTracesMetricsAndLogs()
    {
        var environment = await servers.NewEnvironmentAsync("otlp");
        await using var collector = await OtlpReceiver.StartAsync();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Identity"] = environment.ConnectionString,
            ["RabbitMq__Url"] = environment.AmqpUrl,
            ["Oidc__Issuer"] = IdentityHost.Issuer,
            // The test broker's guest account is a development default that Production refuses (decision 0032).
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "helpdesk-identity-under-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        await using var bus = await TestBus.ConnectAsync(environment.AmqpUrl);

        await bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"traced@{Senders.UniqueDomain()}"));

        await Eventually.HoldsAsync(() => Task.FromResult(collector.Received("traces", "ticket.intake") && collector.Received("traces", "outbox.publish")),
            "the intake and outbox spans are exported", TimeSpan.FromSeconds(30));
        collector.Received("traces", "helpdesk-identity-under-test").ShouldBeTrue("the resource carries OTEL_SERVICE_NAME");
        await Eventually.HoldsAsync(() => Task.FromResult(collector.Received("metrics", "helpdesk_identity.accounts.created")),
            "the accounts-created counter is exported", TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => Task.FromResult(collector.Received("logs", "Applied schema migration")),
            "logs are exported", TimeSpan.FromSeconds(30));
    }
}
