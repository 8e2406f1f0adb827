using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

/// <summary>
/// Security review finding 10 (the address half): a ticket's sender passes the same address rule as the register
/// form (<c>LookalikeDomains.Refusal</c>); a look-alike sender goes to the error queue with its reason and creates
/// no account and no organisation.
/// </summary>
public sealed class LookalikeSenderTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task LookalikeSenders_GoToTheErrorQueueWithTheirReason_AndTheNextGoodOneIsProcessed()
    {
        var domain = Senders.UniqueDomain();
        var label = domain.Split('.')[0];
        var refused = new (string TicketId, string From, string Reason)[]
        {
            (Senders.UniqueTicketId(), "pay@p\u0430ypal.example", "lookalike-domain"), // a Cyrillic "а" among Latin letters
            (Senders.UniqueTicketId(), $"pay@{label}\u0430.example", "lookalike-domain"),
            (Senders.UniqueTicketId(), "pay@xn--pypal-4ve.example", "lookalike-domain"), // the same, sent as an A-label
            (Senders.UniqueTicketId(), "pay@xn--a-1qg.example", "lookalike-domain"), // decodes to Latin and Myanmar
            (Senders.UniqueTicketId(), $"pay@{label}\u2764.example", "lookalike-domain"), // an emoji, which IDNA2008 disallows
            (Senders.UniqueTicketId(), $"j\u0430n@{domain}", "lookalike-local-part"), // a Cyrillic "а" in a Latin local part
        };

        foreach (var (ticketId, from, _) in refused)
        {
            await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(ticketId, from));
        }

        var good = $"good@{domain}";
        var unicodeLocal = $"jörg@{domain}"; // one script, with a non-ASCII letter: still accepted
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), good));
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), unicodeLocal));

        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(good) == 1 && await fixture.Host.CountAccountsAsync(unicodeLocal) == 1,
            "the good messages after the refused ones are processed");
        var errors = await fixture.Bus.ErrorQueueMessagesAsync(refused.Length);

        errors.Count.ShouldBe(refused.Length);
        foreach (var (ticketId, from, reason) in refused)
        {
            var error = errors.Where(e => e.Body.Contains(ticketId, StringComparison.Ordinal)).ShouldHaveSingleItem(from);
            error.FaultMessage.ShouldContain(reason + ":", Case.Sensitive, from);
        }

        (await fixture.Host.QueryAsync(db => Task.FromResult(db.Users.Count(u => u.NormalizedEmail!.StartsWith("pay@")))))
            .ShouldBe(0, "no account for a look-alike domain");
        (await fixture.Host.QueryAsync(db => Task.FromResult(db.Users.Count(u => u.NormalizedEmail!.EndsWith("@" + domain))))).ShouldBe(2);
    }
}
