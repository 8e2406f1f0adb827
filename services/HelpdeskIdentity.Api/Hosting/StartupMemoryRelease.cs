namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// Start-up (the schema, seeding, the bus, the first pass of every background loop, the first request's routing)
/// allocates and lets go of more than the idle service keeps, and the GC keeps that memory committed. Once, a few
/// seconds after the host started, one blocking aggressive collection compacts the heap and returns its free memory
/// to the operating system: about 10 MiB of an idle instance's resident memory (docs/decisions/0050). Nothing
/// changes afterwards; the GC commits again as load needs it. Off with <c>Runtime:ReleaseStartupMemory</c> = false.
/// </summary>
internal sealed partial class StartupMemoryRelease(
    IHostApplicationLifetime lifetime, IConfiguration configuration, TimeProvider clock, ILogger<StartupMemoryRelease> logger) : BackgroundService
{
    /// <summary>How long after the host started: long enough for the background loops' first pass.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read from the built host's configuration: what a test host adds is there, unlike in the builder's.
        if (!configuration.GetValue("Runtime:ReleaseStartupMemory", defaultValue: true))
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await Task.Delay(Delay, clock, stoppingToken);
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var pausedBefore = GC.GetTotalPauseDuration();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LogReleased(logger, before >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20,
            (long)(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Start-up memory released: GC heap committed {BeforeMiB} MiB, now {AfterMiB} MiB ({PauseMilliseconds} ms pause)")]
    private static partial void LogReleased(ILogger logger, long beforeMiB, long afterMiB, long pauseMilliseconds);
}

public static class StartupMemoryReleaseExtensions
{
    /// <summary>The one collection after start-up (<see cref="StartupMemoryRelease"/>), unless Runtime:ReleaseStartupMemory is false.</summary>
    public static void AddStartupMemoryRelease(this WebApplicationBuilder builder) => builder.Services.AddHostedService<StartupMemoryRelease>();
}
