using HelpdeskIdentity.Api.Outbox;
using System.Diagnostics;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Sends committed outbox e-mails through the configured <see cref="IEmailSender"/>: each marked sent
/// once, failures retried with exponential back-off and jitter up to <c>Email:MaxBackoff</c>, given up
/// (status failed, logged, counted) once <c>Email:GiveUpAfter</c> has passed. Wakes when an enqueueing
/// transaction commits (PostgreSQL <c>LISTEN email_outbox</c>) and every <c>Email:PollInterval</c>.
/// </summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    EmailOutboxStore store,
    NpgsqlDataSource dataSource,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundLoop(clock, logger)
{
    private readonly EmailOptions _options = options.Value;
    private NpgsqlConnection? _wakeUp;

    protected override string Name => "E-mail drain";

    protected override TimeSpan Interval => _options.PollInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        _wakeUp ??= await ListenAsync(cancellationToken);
        await DrainAsync(cancellationToken);
    }

    /// <summary>A <c>NOTIFY</c> on the channel (an enqueueing transaction committed), or the poll interval.</summary>
    protected override Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _wakeUp is { } wakeUp ? wakeUp.WaitAsync(timeout, cancellationToken) : base.WaitForWorkAsync(timeout, cancellationToken);

    /// <summary>The listening connection may be what broke: a new one next pass.</summary>
    protected override ValueTask OnFailedAsync() => DropListenerAsync();

    protected override ValueTask OnStoppedAsync() => DropListenerAsync();

    private ValueTask DropListenerAsync()
    {
        var wakeUp = _wakeUp;
        _wakeUp = null;
        return wakeUp?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, $"LISTEN {EmailOutboxStore.Channel}", cancellationToken);
        return connection;
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        while (await store.DeliverDueAsync(_options.BatchSize, (email, ct) => DeliverAsync(sender, email, ct), cancellationToken) == _options.BatchSize)
        {
            // A full batch: there may be more.
        }
    }

    private async Task<EmailOutcome> DeliverAsync(IEmailSender sender, EmailOutboxEntry email, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(email.TraceParent, null, out var enqueuedBy);
        using var activity = HelpdeskTelemetry.Source.StartActivity("email.send", ActivityKind.Client, enqueuedBy);
        activity?.SetTag("helpdesk.email.id", email.Id);
        activity?.SetTag("helpdesk.email.provider", sender.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        try
        {
            await sender.SendAsync(email, timeout.Token);
            Count(sender, email, EmailStatus.Sent);
            return EmailOutcome.Sent;
        }
        catch (EmailRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Count(sender, email, EmailStatus.Failed);
            LogRejected(Logger, email.Id, email.Category, ex.Message);
            return EmailOutcome.Failed(ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex);
            activity?.SetStatus(ActivityStatusCode.Error, error);
            var now = Clock.GetUtcNow();
            if (now - email.CreatedAt >= _options.GiveUpAfter)
            {
                Count(sender, email, EmailStatus.Failed);
                LogGaveUp(Logger, email.Id, email.Category, email.Attempts + 1, error);
                return EmailOutcome.Failed($"Gave up after {email.Attempts + 1} attempts: {error}");
            }

            Count(sender, email, "retried");
            LogRetrying(Logger, email.Id, email.Attempts + 1, error);
            return EmailOutcome.RetryAt(now + RetryBackoff.After(email.Attempts + 1, _options.MaxBackoff), error);
        }
    }


    /// <summary>What went wrong, without the address or body (an SMTP server's reply may quote the recipient).</summary>
    private string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => $"no answer within Email:SendTimeout ({_options.SendTimeout})",
        EmailDeliveryException delivery => delivery.Message,
        HttpRequestException http => http.Message,
        _ => ex.GetType().Name,
    };

    private static void Count(IEmailSender sender, EmailOutboxEntry email, string result) =>
        HelpdeskTelemetry.EmailDeliveries.Add(1,
            new KeyValuePair<string, object?>("provider", sender.Name),
            new KeyValuePair<string, object?>("category", email.Category),
            new KeyValuePair<string, object?>("result", result));

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} not sent (attempt {Attempt}); will retry: {Error}")]
    private static partial void LogRetrying(ILogger logger, Guid emailId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {EmailId} ({Category}) refused by the provider; not retried: {Error}")]
    private static partial void LogRejected(ILogger logger, Guid emailId, string category, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {EmailId} ({Category}) failed: gave up after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, Guid emailId, string category, int attempts, string error);
}
