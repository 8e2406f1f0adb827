using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// A graceful stop that loses no request behind a load balancer (docs/decisions/0053). On SIGTERM, before anything
/// stops, <c>/health/ready</c> answers 503 for <c>Runtime:ShutdownDrain</c> (5 s by default) while the instance goes
/// on serving everything else: the proxy (HAProxy checks every second and takes a server out after two failures) or
/// Kubernetes (endpoints removed as the pod terminates) stops sending new requests here. Only then does Kestrel stop
/// listening and finish what is in flight, and the bus stop consuming. Without it a request the proxy sent on an idle
/// connection just as Kestrel closed it gets a 502. Zero turns the wait off (development, tests of one instance).
/// </summary>
internal sealed partial class ShutdownDrain(TimeSpan drain, TimeProvider clock, ILogger<ShutdownDrain> logger)
    : IHostedLifecycleService, IHealthCheck
{
    public const string HealthCheckName = "shutdown";

    private volatile bool _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (drain <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, (long)drain.TotalMilliseconds);
        try
        {
            await Task.Delay(drain, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: stop now.
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stopping: /health/ready answers 503 for {DrainMilliseconds} ms while requests are still served, so the load balancer sends new ones elsewhere")]
    private static partial void LogDraining(ILogger logger, long drainMilliseconds);
}

public static class ShutdownDrainExtensions
{
    public static readonly TimeSpan DefaultDrain = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The readiness check that turns 503 on SIGTERM and the wait that follows (<see cref="ShutdownDrain"/>). The setting
    /// is read from the built host's configuration — what a test host adds is there, unlike in the builder's — and a
    /// value out of range stops start-up naming it.
    /// </summary>
    public static IHealthChecksBuilder AddShutdownDrain(this IHealthChecksBuilder health, string tag)
    {
        health.Services.AddSingleton(provider => new ShutdownDrain(
            Drain(provider.GetRequiredService<IConfiguration>()), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ShutdownDrain>>()));
        health.Services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        return health.AddCheck<ShutdownDrain>(ShutdownDrain.HealthCheckName, tags: [tag]);
    }

    private static TimeSpan Drain(IConfiguration configuration)
    {
        var drain = configuration.GetValue("Runtime:ShutdownDrain", DefaultDrain);
        return drain >= TimeSpan.Zero && drain <= TimeSpan.FromMinutes(1)
            ? drain
            : throw new InvalidOperationException("Runtime:ShutdownDrain must be between 00:00:00 and 00:01:00.");
    }
}
