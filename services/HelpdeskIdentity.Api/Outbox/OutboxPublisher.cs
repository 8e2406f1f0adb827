using System.Diagnostics;
using HelpdeskIdentity.Api.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>Publishes committed outbox rows to the bus, at least once, with the row id as message id.</summary>
internal sealed partial class OutboxPublisher(
    OutboxStore store,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await store.PublishDueAsync(_options.BatchSize, PublishAsync, stoppingToken) == _options.BatchSize)
                {
                    // A full batch: there may be more.
                }

                await PruneWhenDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDrainFailed(ex);
            }

            try
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _prunedAt >= PruneEvery)
        {
            await store.DeletePublishedBeforeAsync(now - _options.RetainPublishedFor, cancellationToken);
            _prunedAt = now;
        }
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = HelpdeskTelemetry.Source.StartActivity("outbox.publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("helpdesk.outbox.type", message.MessageType);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            var body = OutboxMessageTypes.Deserialize(message);
            await bus.Publish(body, body.GetType(), context => context.MessageId = message.Id, timeout.Token);
            HelpdeskTelemetry.OutboxPublished.Add(1, new KeyValuePair<string, object?>("type", message.MessageType));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            HelpdeskTelemetry.OutboxFailures.Add(1, new KeyValuePair<string, object?>("type", message.MessageType));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogPublishFailed(message.Id, message.Attempts + 1, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxMessageId} not published (attempt {Attempt}): {Error}")]
    private partial void LogPublishFailed(Guid outboxMessageId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox drain failed; will try again")]
    private partial void LogDrainFailed(Exception exception);
}
