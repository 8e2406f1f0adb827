using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

public sealed class TwoInstanceTests(LocalServers servers)
{
    [Fact]
    public async Task TwoInstancesOnOneQueue_EverySenderGetsOneAccountAndOneEvent()
    {
        var environment = await servers.NewEnvironmentAsync("two_instances");
        await using var first = await new IdentityHost(environment).StartAsync();
        await using var second = await new IdentityHost(environment).StartAsync();
        await using var bus = await TestBus.ConnectAsync(environment.AmqpUrl);
        var domain = Senders.UniqueDomain();
        var senders = Enumerable.Range(0, 60).Select(i => $"person{i}@{domain}").ToList();

        // Four tickets per sender, each delivered twice, all at once.
        var tickets = senders.SelectMany(s => Enumerable.Range(0, 4).Select(_ => TestBus.RawTicket(Senders.UniqueTicketId(), s))).ToList();
        await Task.WhenAll(tickets.Concat(tickets).Select(bus.PublishRawTicketAsync));

        await Eventually.HoldsAsync(async () => await first.QueryAsync(db => db.IngestedTickets.CountAsync()) == tickets.Count,
            "every ticket counted", TimeSpan.FromSeconds(60));
        var accounts = await first.QueryAsync(db => db.Users.Select(u => new { u.NormalizedEmail, u.TicketCount }).ToListAsync());
        accounts.Select(a => a.NormalizedEmail).ShouldBe(senders, ignoreOrder: true);
        accounts.ShouldAllBe(a => a.TicketCount == 4);

        await Eventually.HoldsAsync(() => Task.FromResult(bus.AccountsCreated.Count >= senders.Count), "an event per account");
        await first.EveryEventReceivedAsync(bus); // the second host shares the database, so its rows are counted too
        bus.AccountsCreated.Select(e => e.Email).ShouldBe(senders, ignoreOrder: true);
    }
}
