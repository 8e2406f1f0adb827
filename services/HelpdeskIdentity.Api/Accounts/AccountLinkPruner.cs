using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.SelfService;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Once an hour, deletes set-password and e-mail change links that were used, voided or expired longer ago than
/// <c>Accounts:LinkRetention</c> (the sibling of the OIDC GrantPruner). A live link is never touched.
/// </summary>
public sealed partial class AccountLinkPruner(
    IPasswordResetStore passwordLinks, IEmailChangeStore emailLinks, IOptions<AccountOptions> options, TimeProvider clock,
    ILogger<AccountLinkPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Deletes what is due at the clock's now; returns how many links.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.LinkRetention;
        var rows = await passwordLinks.PruneAsync(cutoff, cancellationToken) + await emailLinks.PruneAsync(cutoff, cancellationToken);
        LogPruned(rows);
        return rows;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Rows} used, voided or expired set-password and e-mail change links")]
    private partial void LogPruned(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning account links failed; will try again")]
    private partial void LogFailed(Exception exception);
}
