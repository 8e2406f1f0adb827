using System.Diagnostics;
using System.Text.Json;
using HelpdeskIdentity.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace TicketIntakeBenchmark;

/// <summary>
/// Publishes plain-JSON TicketReceived messages with publisher confirms, many at once on one channel.
/// The client's own limit on outstanding confirms is switched off (its default delays publishes once
/// 64 are in flight, which would hide time from the send stamps); the callers bound it instead.
/// </summary>
internal sealed class TicketPublisher : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly BasicProperties Properties = new() { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private TicketPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <exception cref="BenchmarkException">The broker is unreachable, or nothing consumes the ticket queue.</exception>
    public static async Task<TicketPublisher> ConnectAsync(BenchmarkEndpoints endpoints, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = endpoints.AmqpUrl, ClientProvidedName = "ticket-intake-benchmark" };
        IConnection connection;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException ex)
        {
            throw new BenchmarkException(
                $"RabbitMQ at {endpoints.AmqpUrl.Host}:{endpoints.AmqpUrl.Port} is not reachable ({ex.InnerException?.Message ?? ex.Message}); is deploy/local/run.sh still running?");
        }

        try
        {
            await EnsureConsumedAsync(connection, endpoints.TicketExchange, cancellationToken);
            var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                    outstandingPublisherConfirmationsRateLimiter: null),
                cancellationToken);
            return new TicketPublisher(connection, channel);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every ticket to <paramref name="exchange"/> as fast as the broker confirms, with <paramref name="outstanding"/> publishes in flight.</summary>
    public async Task<PublishTimes> FloodAsync(string exchange, TicketPlan plan, int outstanding, CancellationToken cancellationToken)
    {
        var sentAt = new DateTime[plan.Count];
        var next = -1;

        async Task PublishNextAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Count)
            {
                await PublishAsync(exchange, plan.Tickets[index], index, sentAt, cancellationToken);
            }
        }

        var publishers = Enumerable.Range(0, Math.Min(outstanding, plan.Count)).Select(_ => Task.Run(PublishNextAsync, cancellationToken));
        await Task.WhenAll(publishers);
        return new PublishTimes(sentAt, DateTime.UtcNow);
    }

    /// <summary>Tickets to <paramref name="exchange"/> at <paramref name="ratePerSecond"/>: every 10 ms, whatever is due by then.</summary>
    public async Task<PublishTimes> PacedAsync(string exchange, TicketPlan plan, int ratePerSecond, int outstanding, CancellationToken cancellationToken)
    {
        var sentAt = new DateTime[plan.Count];
        var publishes = new List<Task>(plan.Count);
        using var inFlight = new SemaphoreSlim(outstanding);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var elapsed = Stopwatch.StartNew();
        var sent = 0;
        while (sent < plan.Count)
        {
            await tick.WaitForNextTickAsync(cancellationToken);
            var due = (int)Math.Min(plan.Count, (long)(elapsed.Elapsed.TotalSeconds * ratePerSecond));
            for (; sent < due; sent++)
            {
                await inFlight.WaitAsync(cancellationToken);
                publishes.Add(PublishReleasingAsync(exchange, plan.Tickets[sent], sent, sentAt, inFlight, cancellationToken));
            }
        }

        await Task.WhenAll(publishes);
        return new PublishTimes(sentAt, DateTime.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static async Task EnsureConsumedAsync(IConnection connection, string exchange, CancellationToken cancellationToken)
    {
        // A passive declare of something missing closes the channel: use one only for this.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclarePassiveAsync(exchange, cancellationToken);
            var queue = await channel.QueueDeclarePassiveAsync(WireNames.TicketReceivedQueue, cancellationToken);
            if (queue.ConsumerCount == 0)
            {
                throw new BenchmarkException(
                    $"Nothing consumes queue {WireNames.TicketReceivedQueue} ({queue.MessageCount} messages waiting): is the service running (deploy/local/run.sh)?");
            }
        }
        catch (OperationInterruptedException ex)
        {
            throw new BenchmarkException(
                $"Exchange {exchange} or queue {WireNames.TicketReceivedQueue} does not exist ({ex.ShutdownReason?.ReplyText}): has the service started once against this broker?");
        }
    }

    private async Task PublishReleasingAsync(string exchange, PlannedTicket ticket, int index, DateTime[] sentAt, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(exchange, ticket, index, sentAt, cancellationToken);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private async Task PublishAsync(string exchange, PlannedTicket ticket, int index, DateTime[] sentAt, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        sentAt[index] = now;
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new TicketMessage(ticket.TicketId, ticket.From, $"Benchmark ticket {index}", now, "email"), Json);
        try
        {
            // mandatory: an unroutable ticket fails here instead of never arriving.
            await _channel.BasicPublishAsync(exchange, "", mandatory: true, Properties, body, cancellationToken);
        }
        catch (PublishException ex)
        {
            throw new BenchmarkException($"The broker did not accept ticket {ticket.TicketId} ({(ex.IsReturn ? "returned: no queue bound" : "nacked")}).");
        }
    }
}
