using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HelpdeskIdentity.Api.Telemetry;

/// <summary>Keeps the tracer and meter providers alive with the host, and flushes them when it stops.</summary>
internal sealed class TelemetryProviders(TracerProvider? tracing, MeterProvider? metrics) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing?.ForceFlush(5_000);
        metrics?.ForceFlush(5_000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracing?.Dispose();
        metrics?.Dispose();
    }
}
