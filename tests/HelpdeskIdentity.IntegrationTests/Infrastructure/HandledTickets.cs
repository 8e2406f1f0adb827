using System.Collections.Concurrent;
using HelpdeskIdentity.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// A barrier on ticket intake: counts, by ticket id, every TicketReceived delivery a host has finished handling
/// (counted, dropped as a redelivery, skipped or faulted), so a test can wait for a delivery to be done with instead of
/// sleeping.
/// </summary>
public sealed class HandledTickets : IConsumeMessageObserver<TicketReceived>, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConnectHandle _connection;

    public HandledTickets(IdentityHost host) =>
        _connection = host.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(this);

    /// <summary>Returns once <paramref name="deliveries"/> deliveries of the ticket have been handled.</summary>
    public Task WaitForAsync(string ticketId, int deliveries) =>
        Eventually.HoldsAsync(() => Task.FromResult(_deliveries.GetValueOrDefault(ticketId) >= deliveries),
            $"{deliveries} deliveries of ticket {ticketId} handled");

    public Task PreConsume(ConsumeContext<TicketReceived> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<TicketReceived> context) => Handled(context);

    public Task ConsumeFault(ConsumeContext<TicketReceived> context, Exception exception) => Handled(context);

    public void Dispose() => _connection.Disconnect();

    private Task Handled(ConsumeContext<TicketReceived> context)
    {
        _deliveries.AddOrUpdate(context.Message.TicketId ?? "", 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
