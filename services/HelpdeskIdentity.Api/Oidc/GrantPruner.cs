using HelpdeskIdentity.Oidc.Grants;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>Once an hour, deletes codes and refresh tokens that can no longer matter (see <see cref="IGrantStore.PruneAsync"/>).</summary>
internal sealed partial class GrantPruner(IGrantStore grants, TimeProvider clock, ILogger<GrantPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogPruned(await grants.PruneAsync(clock.GetUtcNow(), stoppingToken));
                await Task.Delay(Every, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Rows} expired authorization codes and refresh tokens")]
    private partial void LogPruned(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired grants failed; will try again")]
    private partial void LogFailed(Exception exception);
}
