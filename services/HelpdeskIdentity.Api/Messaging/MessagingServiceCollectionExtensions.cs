using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Tickets;
using MassTransit;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The bus: RabbitMQ through MassTransit, with the ticket consumer on its pinned queue.</summary>
    public static void AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RabbitMqOptions, RabbitMqOptionsValidator>(RabbitMqOptions.Section);

        // Without this, a publish right after start-up can beat the queue bindings and be lost.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        // A refused ticket is one warning line (TicketFaultLog), not MassTransit's "R-FAULT" error with a stack trace.
        builder.Logging.AddFilter("MassTransit.ReceiveTransport", LogLevel.None);
        builder.Services.AddReceiveObserver<TicketFaultLog>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry(); // MassTransit would otherwise report usage to its vendor over the internet
            bus.AddConsumer<TicketReceivedConsumer, TicketReceivedConsumerDefinition>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                var url = new Uri(options.Url);
                var credentials = Uri.UnescapeDataString(url.UserInfo).Split(':', 2);
                var virtualHost = url.AbsolutePath.Length > 1 ? Uri.UnescapeDataString(url.AbsolutePath[1..]) : "/";
                rabbit.Host(url.Host, (ushort)(url.IsDefaultPort ? 5672 : url.Port), virtualHost, host =>
                {
                    host.PublisherConfirmation = true; // a publish returns once the broker has the message
                    if (credentials[0].Length > 0)
                    {
                        host.Username(credentials[0]);
                        host.Password(credentials.Length > 1 ? credentials[1] : "");
                    }

                    if (url.Scheme == "amqps")
                    {
                        host.UseSsl(ssl => ssl.ServerName = url.Host);
                    }
                });
                if (options.Quorum)
                {
                    // Failed and skipped messages are kept as safely as the tickets themselves.
                    rabbit.SendTopology.ConfigureErrorSettings = error => error.SetQuorumQueue();
                    rabbit.SendTopology.ConfigureDeadLetterSettings = skipped => skipped.SetQuorumQueue();
                }

                // A message naming a field twice ({"from": a, "from": b}) is unreadable, not "the last one wins": whatever
                // checked it on the way here may have read the first.
                rabbit.ConfigureJsonSerializerOptions(json =>
                {
                    json.AllowDuplicateProperties = false;
                    return json;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
    }
}
