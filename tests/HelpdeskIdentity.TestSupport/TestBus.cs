using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using HelpdeskIdentity.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// A client on the broker that is not MassTransit: publishes plain JSON as a non-.NET helpdesk
/// would, records every RequesterAccountCreated the service publishes, and reads the error queue.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private const string BarrierType = "helpdesk-test-barrier";
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _barriers = new();

    private TestBus(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Every RequesterAccountCreated envelope received, in arrival order.</summary>
    public ConcurrentQueue<PublishedEvent> AccountsCreated { get; } = new();

    /// <param name="durableQueue">A named durable queue for the events, so none are missed while the broker restarts.</param>
    public static async Task<TestBus> ConnectAsync(string amqpUrl, string? durableQueue = null)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl), AutomaticRecoveryEnabled = true };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var bus = new TestBus(connection, channel);
        await bus.ListenForAccountsCreatedAsync(durableQueue);
        return bus;
    }

    /// <summary>Publishes a body to the ticket exchange as <c>application/json</c>, the way docs/events.md tells a non-.NET publisher to.</summary>
    public Task PublishRawTicketAsync(string json) => SendRawTicketAsync(json);

    /// <summary>Publishes a body as it is, with the content type given (a MassTransit envelope's, for one).</summary>
    public Task PublishRawTicketAsync(string body, string contentType) => SendRawTicketAsync(body, contentType);

    /// <summary>Publishes until the broker confirms, riding out a broker restart.</summary>
    public async Task PublishRawTicketUntilConfirmedAsync(string json, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await SendRawTicketAsync(json);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task SendRawTicketAsync(string json, string contentType = "application/json")
    {
        await _channel.ExchangeDeclareAsync(WireNames.TicketReceivedExchange, ExchangeType.Fanout, durable: true);
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(WireNames.TicketReceivedExchange, "", mandatory: false, properties, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// A barrier on the RequesterAccountCreated stream: sends a marker through the same exchange and returns when it
    /// arrives. The queue is first in, first out, so every event the broker accepted before this call has been
    /// received by then (and is in <see cref="AccountsCreated"/>).
    /// </summary>
    public async Task ReceivedEverythingAcceptedAsync(TimeSpan? timeout = null)
    {
        var marker = Guid.NewGuid().ToString("N");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _barriers[marker] = arrived;
        var properties = new BasicProperties { Type = BarrierType, CorrelationId = marker };
        await _channel.BasicPublishAsync(WireNames.RequesterAccountCreatedExchange, "", mandatory: false, properties, ReadOnlyMemory<byte>.Empty);
        await arrived.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public static string RawTicket(string ticketId, string from) => JsonSerializer.Serialize(new
    {
        ticketId,
        from,
        subject = "Printer on fire",
        receivedAt = DateTimeOffset.UtcNow,
        channel = "email",
    });

    /// <summary>Drains the ticket error queue until at least <paramref name="count"/> messages have come, and returns them all.</summary>
    public async Task<List<ErrorQueueMessage>> ErrorQueueMessagesAsync(int count)
    {
        var messages = new List<ErrorQueueMessage>();
        await Eventually.HoldsAsync(async () =>
        {
            messages.AddRange(await DrainErrorQueueAsync());
            return messages.Count >= count;
        }, $"{count} messages in the error queue");
        return messages;
    }

    /// <summary>Takes every message now in the ticket error queue, with the fault reason MassTransit put on it.</summary>
    public Task<List<ErrorQueueMessage>> DrainErrorQueueAsync() => DrainAsync(WireNames.TicketReceivedQueue + "_error");

    /// <summary>Takes every message now in the ticket queue's <c>_skipped</c> queue (no consumer took its type).</summary>
    public Task<List<ErrorQueueMessage>> DrainSkippedQueueAsync() => DrainAsync(WireNames.TicketReceivedQueue + "_skipped");

    private async Task<List<ErrorQueueMessage>> DrainAsync(string queue)
    {
        var messages = new List<ErrorQueueMessage>();
        // A channel of its own: asking for a queue MassTransit has not created yet closes the channel.
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
            {
                var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
                var reason = headers.TryGetValue("MT-Fault-Message", out var value) && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : "";
                messages.Add(new ErrorQueueMessage(Encoding.UTF8.GetString(result.Body.Span), reason));
            }
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            // No such queue yet: nothing has gone there so far.
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
    }

    private async Task ListenForAccountsCreatedAsync(string? durableQueue)
    {
        await _channel.ExchangeDeclareAsync(WireNames.RequesterAccountCreatedExchange, ExchangeType.Fanout, durable: true);
        var queue = durableQueue is null
            ? await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)
            : await _channel.QueueDeclareAsync(durableQueue, durable: true, exclusive: false, autoDelete: false);
        await _channel.QueueBindAsync(queue.QueueName, WireNames.RequesterAccountCreatedExchange, "");
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            if (delivery.BasicProperties.Type == BarrierType)
            {
                if (_barriers.TryRemove(delivery.BasicProperties.CorrelationId ?? "", out var arrived))
                {
                    arrived.SetResult();
                }

                return Task.CompletedTask;
            }

            using var envelope = JsonDocument.Parse(delivery.Body);
            var root = envelope.RootElement;
            var message = root.GetProperty("message");
            AccountsCreated.Enqueue(new PublishedEvent(
                root.GetProperty("messageId").GetString()!,
                message.GetProperty("accountId").GetGuid(),
                message.GetProperty("email").GetString()!,
                message.GetProperty("ticketId").GetString()!,
                message.TryGetProperty("organizationDomain", out var domain) ? domain.GetString() : null,
                root.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()!).ToList()));
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }
}
