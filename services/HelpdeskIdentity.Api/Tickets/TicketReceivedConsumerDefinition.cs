using HelpdeskIdentity.Api.Messaging;
using HelpdeskIdentity.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// Where and how tickets are consumed: the pinned queue, plain JSON beside MassTransit envelopes,
/// prefetch and concurrency from configuration, and retries for the database only.
/// </summary>
public sealed class TicketReceivedConsumerDefinition : ConsumerDefinition<TicketReceivedConsumer>
{
    private readonly RabbitMqOptions _options;

    public TicketReceivedConsumerDefinition(IOptions<RabbitMqOptions> options)
    {
        _options = options.Value;
        EndpointName = WireNames.TicketReceivedQueue;
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TicketReceivedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.PrefetchCount;
        // Before deserialization: an oversized message is refused without being parsed.
        TicketSizeLimit.Apply(endpointConfigurator, context.GetRequiredService<ILogger<TicketSizeLimit>>());
        // A message of another type is skipped, as MassTransit does, but never silently.
        SkippedTicketLog.Apply(endpointConfigurator, context.GetRequiredService<ILogger<SkippedTicketLog>>());
        if (_options.Quorum && endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }

        // A publisher outside .NET sends {"ticketId": …} with content type application/json.
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
        // Only the database is worth waiting for (a restart, a failover): about three minutes in all.
        // A bad message is not retried; it goes to the error queue at once.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>();
            retry.Handle<TimeoutException>();
            retry.Handle<InvalidOperationException>(ex => ex.InnerException is NpgsqlException);
            retry.Exponential(20, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
        });
    }
}
