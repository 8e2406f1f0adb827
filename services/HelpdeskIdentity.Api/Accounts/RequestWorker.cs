using HelpdeskIdentity.Api.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Answers requests a page only recorded (forgot password, register), away from the request that made them, so
/// the page answers in the same time whatever the address. Per batch, one transaction: the requests are taken
/// (and deleted on commit, <c>FOR UPDATE SKIP LOCKED</c> so instances share the work) and each is handled in the
/// language of the page it came from. Woken by its signal; polls for other instances' requests.
/// </summary>
public abstract class RequestWorker<TRequest>(RequestSignal signal, NpgsqlDataSource dataSource, IOptions<LanguageOptions> languages, ILogger logger)
    : BackgroundService
{
    public const int BatchSize = 20;

    /// <summary>How often to look for requests another instance accepted.</summary>
    protected abstract TimeSpan PollInterval { get; }

    protected abstract Task<IReadOnlyList<TRequest>> TakeAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken);

    /// <summary>The page language a request was made in.</summary>
    protected abstract string? LanguageOf(TRequest request);

    /// <summary>Handles one request in the batch's transaction (e-mails go through the outbox in it).</summary>
    protected abstract Task HandleAsync(TRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

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

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                RequestWorkerLog.Failed(logger, GetType().Name, ex);
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Handles up to one batch of waiting requests; returns how many.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var requests = await TakeAsync(connection, BatchSize, cancellationToken);
        foreach (var request in requests)
        {
            // The e-mail is written in the language of the page the request came from.
            using var language = Languages.Use(Languages.Culture(LanguageOf(request), languages.Value.Default));
            await HandleAsync(request, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return requests.Count;
    }
}

internal static partial class RequestWorkerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: requests not processed; will try again")]
    public static partial void Failed(ILogger logger, string worker, Exception exception);
}
