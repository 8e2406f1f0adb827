namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// A background service that deletes rows which can no longer matter: once at start, then once an hour; a failure is
/// logged and tried again after five minutes. The OIDC grants and the account links each have one.
/// </summary>
internal abstract partial class HourlyPruner(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(5);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>What the rows are, for the log line ("expired authorization codes and refresh tokens").</summary>
    protected abstract string What { get; }

    /// <summary>Deletes what is due at the clock's now; returns how many rows.</summary>
    public abstract Task<int> PruneAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogPruned(await PruneAsync(stoppingToken), What);
                await Task.Delay(Every, Clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, What);
                await Task.Delay(AfterFailure, Clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Rows} {What}")]
    private partial void LogPruned(int rows, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {What} failed; will try again")]
    private partial void LogFailed(Exception exception, string what);
}
