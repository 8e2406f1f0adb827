using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

/// <summary>
/// Security review finding 11: the helpdesk's own support address (<c>Branding:SupportEmail</c>, support@helpdesk.example
/// in the test host), its sender address (<c>Email:From</c>) and their domain are helpdesk addresses by default: a
/// ticket from them creates no account and no organisation.
/// </summary>
public sealed class OwnAddressTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Theory]
    [InlineData("support@helpdesk.example")]
    [InlineData("\"Helpdesk\" <no-reply@helpdesk.example>")]
    [InlineData("colleague@helpdesk.example")]
    [InlineData("agent@eu.helpdesk.example")]
    public async Task TicketFromTheHelpdesksOwnAddressOrDomain_SkippedAsHelpdeskAddress(string from)
    {
        var ticketId = Senders.UniqueTicketId();

        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(ticketId, from));

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Host.Logs.Entries.Any(e => e.Message.Contains($"Ticket {ticketId} ", StringComparison.Ordinal))),
            "the ticket is handled");
        fixture.Host.Logs.Entries.Single(e => e.Message.Contains($"Ticket {ticketId} ", StringComparison.Ordinal)).Message
            .ShouldContain(from.Contains("no-reply", StringComparison.Ordinal) ? "(no-reply)" : "(helpdesk-address)");
        (await fixture.Host.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail!.EndsWith("helpdesk.example")))).ShouldBe(0);
        (await fixture.Host.QueryAsync(db => db.OrganizationDomains.CountAsync(d => d.Domain.EndsWith("helpdesk.example")))).ShouldBe(0);
    }
}
