using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

/// <summary>
/// 2,000 tickets from 1,000 new senders while the broker or the database is stopped and started
/// again: afterwards every sender has exactly one account with both tickets counted, and a subscriber
/// received RequesterAccountCreated for every account under exactly one message id. (The outbox is
/// at-least-once on the wire: a crash between publish and mark re-sends the same message id, which a
/// subscriber drops — docs/decisions/0004.) These tests own their servers.
/// </summary>
public sealed class ServerRestartTests : IAsyncLifetime
{
    private const int SenderCount = 1_000;
    private PostgresServer _postgres = null!;
    private RabbitMqServer _rabbitMq = null!;

    public async ValueTask InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        _postgres = await postgres;
        _rabbitMq = await rabbitMq;
    }

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _rabbitMq.DisposeAsync();
    }

    [Fact]
    public Task BrokerRestartedMidStream_EveryAccountOnceAndOneEventIdEach() =>
        RunThroughRestartAsync(async () =>
        {
            await _rabbitMq.StopAsync();
            await _rabbitMq.StartAgainAsync();
        });

    [Fact]
    public Task DatabaseRestartedMidStream_EveryAccountOnceAndOneEventIdEach() =>
        RunThroughRestartAsync(async () =>
        {
            await _postgres.StopAsync();
            await Task.Delay(2000);
            await _postgres.StartAgainAsync();
        });

    private async Task RunThroughRestartAsync(Func<Task> restart)
    {
        var environment = new TestEnvironment(await _postgres.CreateDatabaseAsync("restart"), await _rabbitMq.CreateVirtualHostAsync("restart"));
        await using var host = await new IdentityHost(environment).StartAsync();
        await using var bus = await TestBus.ConnectAsync(environment.AmqpUrl, durableQueue: "restart-test.accounts-created");
        var domain = Senders.UniqueDomain("restart");
        var senders = Enumerable.Range(0, SenderCount).Select(i => $"requester{i}@{domain}").ToList();
        var tickets = senders.Concat(senders).Select(s => TestBus.RawTicket(Senders.UniqueTicketId(), s)).ToList();

        var published = 0;
        var publishing = Task.Run(async () =>
        {
            foreach (var ticket in tickets)
            {
                await bus.PublishRawTicketUntilConfirmedAsync(ticket, TimeSpan.FromSeconds(90));
                Interlocked.Increment(ref published);
            }
        });
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref published) >= tickets.Count / 3), "a third published");
        await restart();
        await publishing;

        try
        {
            await Eventually.HoldsAsync(async () => await CountIngestedAsync(host) == tickets.Count, "every ticket counted", TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            var faulted = await bus.DrainErrorQueueAsync();
            throw new TimeoutException($"{await CountIngestedAsync(host)} of {tickets.Count} tickets counted after 3 minutes; " +
                $"{faulted.Count} in the error queue: {string.Join(" | ", faulted.Take(3).Select(f => f.FaultMessage))}");
        }
        var accounts = await host.QueryAsync(db => db.Users.Select(u => new { u.NormalizedEmail, u.TicketCount }).ToListAsync());
        accounts.Select(a => a.NormalizedEmail).ShouldBe(senders, ignoreOrder: true);
        accounts.ShouldAllBe(a => a.TicketCount == 2);

        await Eventually.HoldsAsync(() => Task.FromResult(bus.AccountsCreated.Select(e => e.Email).Distinct().Count() == SenderCount),
            "an event for every account", TimeSpan.FromMinutes(2));
        await host.EveryEventReceivedAsync(bus, TimeSpan.FromMinutes(2)); // re-sends after the restart included
        var byAccount = bus.AccountsCreated.GroupBy(e => e.Email).ToList();
        byAccount.Count.ShouldBe(SenderCount);
        byAccount.ShouldAllBe(g => g.Select(e => e.MessageId).Distinct().Count() == 1, "one message id per account: a re-send is recognisable");
        bus.AccountsCreated.Select(e => e.MessageId).Distinct().Count().ShouldBe(SenderCount, "no event lost or duplicated for a subscriber that drops a message id it has seen");
    }

    private static async Task<int> CountIngestedAsync(IdentityHost host)
    {
        try
        {
            return await host.QueryAsync(db => db.IngestedTickets.CountAsync());
        }
        catch (Npgsql.NpgsqlException)
        {
            return -1; // the database is still coming back
        }
    }
}
