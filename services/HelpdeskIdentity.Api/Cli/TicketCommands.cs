using System.Text;
using System.Text.Json;
using HelpdeskIdentity.Api.Messaging;
using HelpdeskIdentity.Contracts;
using RabbitMQ.Client;

namespace HelpdeskIdentity.Api.Cli;

internal static class TicketCommands
{
    /// <summary>Publishes the documented plain-JSON TicketReceived to the ticket exchange (docs/events.md).</summary>
    public static async Task<int> PublishAsync(IConfiguration configuration, string from, string? subject)
    {
        var url = configuration[$"{RabbitMqOptions.Section}:Url"];
        if (string.IsNullOrWhiteSpace(url))
        {
            await Console.Error.WriteLineAsync("RabbitMq:Url is not set (environment variable RabbitMq__Url).");
            return 2;
        }

        var ticketId = $"cli-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            ticketId,
            from,
            subject = subject ?? "A question for the helpdesk",
            receivedAt = DateTimeOffset.UtcNow,
            channel = "email",
        });

        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(WireNames.TicketReceivedExchange, ExchangeType.Fanout, durable: true);
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(WireNames.TicketReceivedExchange, "", mandatory: false, properties, body);
        Console.WriteLine($"Published ticket {ticketId} from {from}: {Encoding.UTF8.GetString(body)}");
        return 0;
    }
}
