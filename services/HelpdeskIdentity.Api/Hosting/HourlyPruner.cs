namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// A background loop that deletes rows which can no longer matter: once at start, then once an hour; a failure is
/// logged and tried again after five minutes. The OIDC grants and the account links each have one.
/// </summary>
internal abstract partial class HourlyPruner(TimeProvider clock, ILogger logger) : BackgroundLoop(clock, logger)
{
    /// <summary>What the rows are, for the log line ("expired authorization codes and refresh tokens").</summary>
    protected abstract string What { get; }

    protected override string Name => $"Pruning {What}";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override TimeSpan AfterFailure => TimeSpan.FromMinutes(5);

    /// <summary>Deletes what is due at the clock's now; returns how many rows.</summary>
    public abstract Task<int> PruneAsync(CancellationToken cancellationToken);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => LogPruned(Logger, await PruneAsync(cancellationToken), What);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Rows} {What}")]
    private static partial void LogPruned(ILogger logger, int rows, string what);
}
