namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// The one background loop every worker of this service runs on (decisions/0045): one pass of its work, then a wait
/// for the next — the interval, or sooner when something wakes it (<see cref="WaitForWorkAsync"/>) — until the host
/// stops. A pass that throws is logged and followed by a back-off of <see cref="AfterFailure"/> that nothing cuts
/// short; stopping the host ends the loop quietly, whatever it was doing. A subclass says only what one pass does,
/// how often, and what wakes it. Every wait is on <see cref="Clock"/>.
/// </summary>
public abstract partial class BackgroundLoop(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>What a pass does, for the log line "{Loop} failed; will try again" ("Outbox drain").</summary>
    protected abstract string Name { get; }

    /// <summary>The longest wait between two passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The wait after a pass that failed; the interval unless said otherwise.</summary>
    protected virtual TimeSpan AfterFailure => Interval;

    /// <summary>One pass: takes what is due. An exception is logged and the pass tried again after <see cref="AfterFailure"/>.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Waits up to <paramref name="timeout"/> for a reason to run sooner; without one (the default), the whole of it.</summary>
    protected virtual Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.Delay(timeout, Clock, cancellationToken);

    /// <summary>Called after a failed pass is logged, before the back-off (drop a connection that may be broken).</summary>
    protected virtual ValueTask OnFailedAsync() => ValueTask.CompletedTask;

    /// <summary>Called once when the loop ends.</summary>
    protected virtual ValueTask OnStoppedAsync() => ValueTask.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                    await WaitForWorkAsync(Interval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    LogFailed(Logger, ex, Name);
                    await OnFailedAsync();
                    await Task.Delay(AfterFailure, Clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            await OnStoppedAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Loop} failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string loop);
}
