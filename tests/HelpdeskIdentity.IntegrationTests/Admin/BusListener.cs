using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>A plain AMQP subscriber (not MassTransit) on one of the service's fanout exchanges: the message part of each envelope.</summary>
public sealed class BusListener : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BusListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<JsonElement> Messages { get; } = new();

    public static async Task<BusListener> StartAsync(string amqpUrl, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUrl) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var listener = new BusListener(connection, channel);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            listener.Messages.Enqueue(envelope.RootElement.GetProperty("message").Clone());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
    }
}
