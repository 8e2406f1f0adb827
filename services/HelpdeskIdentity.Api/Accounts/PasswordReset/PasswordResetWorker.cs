using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// Turns forgot-password requests into e-mails, away from the request that made them, so the page answers
/// in the same time for every address. Per batch, one transaction: the requests are taken, a link is issued
/// (older ones voided) for each address with an account, and the right e-mail is enqueued for every address.
/// </summary>
public sealed partial class PasswordResetWorker(
    IPasswordResetStore store,
    IEmailOutbox outbox,
    PasswordResetEmails emails,
    PasswordResetTokens tokens,
    PasswordResetSignal signal,
    NpgsqlDataSource dataSource,
    IOptions<AccountOptions> options,
    IOptions<LanguageOptions> languages,
    TimeProvider clock,
    ILogger<PasswordResetWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;

    private PasswordResetOptions Options => options.Value.PasswordReset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessBatchAsync(stoppingToken) == BatchSize)
                {
                    // A full batch: there may be more.
                }

                await signal.WaitAsync(Options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(Options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Handles up to one batch of waiting requests; returns how many.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var requests = await store.TakeRequestsAsync(connection, BatchSize, cancellationToken);
        foreach (var request in requests)
        {
            await HandleAsync(request, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return requests.Count;
    }

    private async Task HandleAsync(PasswordResetRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // The e-mail is written in the language of the page the request came from.
        using var language = Languages.Use(Languages.Culture(request.Language, languages.Value.Default));
        if (await store.FindAccountAsync(connection, request.Email, cancellationToken) is not { } account)
        {
            await outbox.EnqueueAsync(emails.NoAccount(request.Email, request.Id), connection, transaction, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var (handle, hash) = PasswordResetTokens.NewHandle();
        await store.IssueAsync(connection, hash, account.Id, PasswordResetTokens.AllowedReturnUrl(request.ReturnUrl), request.Language, now, tokens.ExpiresAt(now), cancellationToken);
        await outbox.EnqueueAsync(emails.SetPassword(account, handle, request.Id, Options.LinkLifetime), connection, transaction, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forgot-password requests not processed; will try again")]
    private partial void LogFailed(Exception exception);
}
