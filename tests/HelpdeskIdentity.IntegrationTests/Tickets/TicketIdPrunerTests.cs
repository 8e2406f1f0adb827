using HelpdeskIdentity.Api.Tickets;
using HelpdeskIdentity.Contracts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

/// <summary>Ticket ids are remembered for <c>Tickets:RememberTicketIdsFor</c>, then forgotten; the accounts stay.</summary>
public sealed class TicketIdPrunerTests(LocalServers servers)
{
    [Fact]
    public async Task Prune_ForgetsOldTicketIds_KeepsRecentOnes_AndTheAccountsStay()
    {
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("ticket_pruning"),
            new Dictionary<string, string?> { ["Tickets:RememberTicketIdsFor"] = "90.00:00:00" }).StartAsync();
        await host.StartUpPruneDoneAsync<TicketIdPruner>(); // else, run late, it may take the aged id first
        var (oldSender, newSender) = ($"old@{Senders.UniqueDomain()}", $"new@{Senders.UniqueDomain()}");
        var (oldTicket, newTicket) = (Senders.UniqueTicketId(), Senders.UniqueTicketId());
        await host.PublishAsync(new TicketReceived { TicketId = oldTicket, From = oldSender, ReceivedAt = DateTimeOffset.UtcNow });
        await host.PublishAsync(new TicketReceived { TicketId = newTicket, From = newSender, ReceivedAt = DateTimeOffset.UtcNow });
        await Eventually.HoldsAsync(async () => await host.CountAccountsAsync(oldSender) + await host.CountAccountsAsync(newSender) == 2, "both tickets counted");
        // The ids are stamped with the database's clock: age the first one as 91 days would.
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE ingested_tickets SET ingested_at = ingested_at - interval '91 days' WHERE ticket_id = {oldTicket}"));
        var forgotten = await host.Services.GetRequiredService<TicketIdPruner>().PruneAsync(TestContext.Current.CancellationToken);

        forgotten.ShouldBe(1);
        var remembered = await host.QueryAsync(db => db.IngestedTickets.Where(t => t.TicketId == oldTicket || t.TicketId == newTicket).Select(t => t.TicketId).ToListAsync());
        remembered.ShouldBe([newTicket], "the 91-day-old id is forgotten, the new one kept");
        (await host.CountAccountsAsync(oldSender)).ShouldBe(1, "forgetting a ticket id never touches the account");
    }
}
