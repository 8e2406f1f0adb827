using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Answers requests a page only recorded (forgot password, register), away from the request that made them, so
/// the page answers in the same time whatever the address. Per batch, one transaction: the requests are taken
/// (locked, <c>FOR UPDATE SKIP LOCKED</c> so instances share the work) and each is handled in the language of the
/// page it came from, on its own savepoint: a handled request is deleted; one whose handling fails is rolled back
/// alone and its failure counted, and after <c>Accounts:RequestAttempts</c> failures it is given up with a warning
/// naming its id and the reason (security review finding 8: one bad row must not stop every other e-mail).
/// Woken by its signal; polls for other instances' requests.
/// </summary>
public abstract class RequestWorker<TRequest>(
    WakeSignal signal, NpgsqlDataSource dataSource, IOptions<LanguageOptions> languages, int maxAttempts, TimeProvider clock, ILogger logger)
    : BackgroundLoop(clock, logger)
    where TRequest : IWorkerRequest
{
    public const int BatchSize = 20;

    /// <summary>How often to look for requests another instance accepted.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>The table the requests wait in (a constant of the subclass, never input).</summary>
    protected abstract string Table { get; }

    /// <summary>Locks up to <paramref name="limit"/> waiting requests, oldest first, skipping those other instances hold.</summary>
    protected abstract Task<IReadOnlyList<TRequest>> TakeAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken);

    /// <summary>The page language a request was made in.</summary>
    protected abstract string? LanguageOf(TRequest request);

    /// <summary>Handles one request in the batch's transaction (e-mails go through the outbox in it).</summary>
    protected abstract Task HandleAsync(TRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    protected override string Name => $"{GetType().Name}: processing requests";

    protected override TimeSpan Interval => PollInterval;

    protected override Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, Clock, cancellationToken);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await ProcessBatchAsync(cancellationToken) == BatchSize)
        {
            // A full batch: there may be more.
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
            await HandleOneAsync(request, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return requests.Count;
    }

    private async Task HandleOneAsync(TRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string savepoint = "request";
        await transaction.SaveAsync(savepoint, cancellationToken);
        try
        {
            // The e-mail is written in the language of the page the request came from.
            using (Languages.Use(Languages.Culture(LanguageOf(request), languages.Value.Default)))
            {
                await HandleAsync(request, connection, transaction, cancellationToken);
            }

            await Sql.ExecuteAsync(connection, $"DELETE FROM {Table} WHERE id = @id", cancellationToken, ("id", request.Id));
            await transaction.ReleaseAsync(savepoint, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(savepoint, cancellationToken);
            var attempts = await Sql.ScalarAsync<int>(connection, $"UPDATE {Table} SET attempts = attempts + 1 WHERE id = @id RETURNING attempts",
                cancellationToken, ("id", request.Id));
            var reason = ReasonOf(ex);
            if (attempts < maxAttempts)
            {
                RequestWorkerLog.WillRetry(Logger, GetType().Name, request.Id, attempts, reason);
                return;
            }

            await Sql.ExecuteAsync(connection, $"DELETE FROM {Table} WHERE id = @id", cancellationToken, ("id", request.Id));
            RequestWorkerLog.GaveUp(Logger, GetType().Name, request.Id, attempts, reason);
        }
    }

    /// <summary>What went wrong, without the values involved (a database error's detail can quote the address).</summary>
    private static string ReasonOf(Exception exception) => exception is PostgresException postgres
        ? $"{postgres.SqlState} {postgres.MessageText}"
        : exception.GetType().FullName ?? exception.GetType().Name;
}

/// <summary>A request a <see cref="RequestWorker{TRequest}"/> answers: its row's id.</summary>
public interface IWorkerRequest
{
    Guid Id { get; }
}

internal static partial class RequestWorkerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: request {RequestId} failed (attempt {Attempts}): {Reason}; will try again")]
    public static partial void WillRetry(ILogger logger, string worker, Guid requestId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: request {RequestId} given up after {Attempts} failed attempts: {Reason}")]
    public static partial void GaveUp(ILogger logger, string worker, Guid requestId, int attempts, string reason);
}
