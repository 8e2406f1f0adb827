using System.Diagnostics;
using HelpdeskIdentity.Api.Hosting;
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
    ILogger<OutboxPublisher> logger) : BackgroundLoop(clock, logger)
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    protected override string Name => "Outbox drain";

    protected override TimeSpan Interval => _options.PollInterval;

    protected override Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, Clock, cancellationToken);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await store.PublishDueAsync(_options.BatchSize, PublishAsync, cancellationToken) == _options.BatchSize)
        {
            // A full batch: there may be more.
        }

        await PruneWhenDueAsync(cancellationToken);
    }

    private async Task PruneWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
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
            LogPublishFailed(Logger, message.Id, message.Attempts + 1, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxMessageId} not published (attempt {Attempt}): {Error}")]
    private static partial void LogPublishFailed(ILogger logger, Guid outboxMessageId, int attempt, string error);
}
