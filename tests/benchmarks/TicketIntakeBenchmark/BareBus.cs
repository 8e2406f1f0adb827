using HelpdeskIdentity.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace TicketIntakeBenchmark;

/// <summary>
/// The yardstick: MassTransit in this process, on the service's broker, consuming the same plain-JSON
/// TicketReceived with the service's endpoint settings (prefetch 2000, 1000 at once — or what RabbitMq__PrefetchCount
/// and RabbitMq__ConcurrentMessageLimit set for both —, a durable classic queue, raw JSON, the same retry filter,
/// acknowledged when the consumer returns) but no database: the consumer only notes when each ticket arrived. Its
/// queue and exchange are its own, so the service never sees these tickets. Started with a <see cref="DatabaseFloor"/>,
/// the same bus is the database floor: its consumer returns once the ticket's id is committed, on a queue of its own.
/// </summary>
internal sealed class BareBus : IAsyncDisposable
{
    public const string BareExchange = "bench.bare-ticket-received";
    public const string FloorExchange = "bench.floor-ticket-received";
    // The service's settings (RabbitMqOptions' defaults), or what the same variables set for it.
    private static readonly int PrefetchCount = Setting("RabbitMq__PrefetchCount", 2000);
    private static readonly int ConcurrentMessageLimit = Setting("RabbitMq__ConcurrentMessageLimit", 1000);

    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;

    private BareBus(ServiceProvider services, IBusControl bus, ArrivalRecorder arrivals, string exchange)
    {
        _services = services;
        _bus = bus;
        Arrivals = arrivals;
        Exchange = exchange;
    }

    public ArrivalRecorder Arrivals { get; }

    public string Exchange { get; }

    /// <summary>The bare bus; with <paramref name="floor"/>, the database floor.</summary>
    public static async Task<BareBus> StartAsync(Uri amqpUrl, DatabaseFloor? floor, CancellationToken cancellationToken)
    {
        var arrivals = new ArrivalRecorder();
        var exchange = floor is null ? BareExchange : FloorExchange;
        var collection = new ServiceCollection().AddSingleton(arrivals);
        if (floor is not null)
        {
            collection.AddSingleton(floor);
        }

        var services = collection
            .AddMassTransit(bus =>
            {
                bus.DisableUsageTelemetry(); // as the service: no reports to the vendor
                if (floor is null)
                {
                    bus.AddConsumer<BareTicketConsumer>();
                }
                else
                {
                    bus.AddConsumer<FloorTicketConsumer>();
                }

                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(amqpUrl);
                    rabbit.ReceiveEndpoint(exchange, endpoint =>
                    {
                        endpoint.ConfigureConsumeTopology = false; // never bind to the service's exchange
                        endpoint.Bind(exchange);
                        endpoint.PrefetchCount = PrefetchCount;
                        endpoint.ConcurrentMessageLimit = ConcurrentMessageLimit;
                        endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
                        // The service's retry filter (TicketReceivedConsumerDefinition): never used here, but on every message's path.
                        endpoint.UseMessageRetry(retry =>
                        {
                            retry.Handle<Npgsql.NpgsqlException>();
                            retry.Handle<TimeoutException>();
                            retry.Handle<InvalidOperationException>(ex => ex.InnerException is Npgsql.NpgsqlException);
                            retry.Exponential(20, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
                        });
                        endpoint.ConfigureConsumers(context);
                    });
                });
            })
            .BuildServiceProvider();
        var bus = services.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellationToken);
        return new BareBus(services, bus, arrivals, exchange);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _services.DisposeAsync();
    }

    private static int Setting(string variable, int serviceDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) ? value : serviceDefault;

    private sealed class BareTicketConsumer(ArrivalRecorder arrivals) : IConsumer<TicketReceived>
    {
        public Task Consume(ConsumeContext<TicketReceived> context)
        {
            arrivals.Record(context.Message.TicketId);
            return Task.CompletedTask;
        }
    }

    private sealed class FloorTicketConsumer(ArrivalRecorder arrivals, DatabaseFloor floor) : IConsumer<TicketReceived>
    {
        public async Task Consume(ConsumeContext<TicketReceived> context)
        {
            await floor.RecordAsync(context.Message.TicketId);
            arrivals.Record(context.Message.TicketId);
        }
    }
}
