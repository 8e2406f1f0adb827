using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Contracts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

public sealed class TicketIntakeTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private readonly IdentityHost _host = fixture.Host;
    private readonly TestBus _bus = fixture.Bus;

    [Fact]
    public async Task RawJsonTicket_NewSender_CreatesUnclaimedAccountAndPublishesEventOnce()
    {
        var domain = Senders.UniqueDomain();
        var ticketId = Senders.UniqueTicketId();
        var receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3);

        await _bus.PublishRawTicketAsync($$"""
            {"ticketId": "{{ticketId}}", "from": "\"Jan Jansen\" <Jan.Jansen@{{domain.ToUpperInvariant()}}>",
             "subject": "Printer on fire", "receivedAt": "{{receivedAt:O}}", "channel": "email"}
            """);

        var email = $"jan.jansen@{domain}";
        var account = await WaitForAccountAsync(email);
        account.DisplayName.ShouldBeNull("a ticket's name is only a suggestion until the owner confirms it");
        account.SuggestedDisplayName.ShouldBe("Jan Jansen");
        account.Email.ShouldBe(email);
        account.EmailConfirmed.ShouldBeFalse();
        account.PasswordHash.ShouldBeNull();
        account.TicketCount.ShouldBe(1);
        account.FirstTicketAt!.Value.ShouldBe(receivedAt, TimeSpan.FromMilliseconds(1));
        account.LastTicketAt.ShouldBe(account.FirstTicketAt);

        var organization = await _host.QueryAsync(db => db.OrganizationDomains.SingleAsync(d => d.Domain == domain));
        account.OrganizationId.ShouldBe(organization.OrganizationId);

        var published = await WaitForEventsAsync(email, 1);
        published.ShouldHaveSingleItem().AccountId.ShouldBe(account.Id);
        published[0].TicketId.ShouldBe(ticketId);
        published[0].OrganizationDomain.ShouldBe(domain);
        published[0].MessageTypes.ShouldContain("urn:message:helpdesk-identity:requester-account-created:v1");
    }

    [Fact]
    public async Task EnvelopeTickets_KnownSender_CountTicketsWithoutANewAccountOrEvent()
    {
        var email = $"piet@{Senders.UniqueDomain()}";
        var first = DateTimeOffset.UtcNow.AddHours(-2);
        var second = DateTimeOffset.UtcNow.AddHours(-1);

        await _host.PublishAsync(Ticket(email, first));
        await WaitForAccountAsync(email);
        await _host.PublishAsync(Ticket($"Piet <{email.ToUpperInvariant()}>", second));

        await Eventually.HoldsAsync(async () => (await FindAccountAsync(email))?.TicketCount == 2, "the second ticket is counted");
        var account = (await FindAccountAsync(email))!;
        account.FirstTicketAt!.Value.ShouldBe(first, TimeSpan.FromMilliseconds(1));
        account.LastTicketAt!.Value.ShouldBe(second, TimeSpan.FromMilliseconds(1));
        account.SuggestedDisplayName.ShouldBe("Piet", "a name learnt later is suggested where none is");
        account.DisplayName.ShouldBeNull();
        (await _host.CountAccountsAsync(email)).ShouldBe(1);
        await AssertSingleEventAsync(email);
    }

    [Fact]
    public async Task SameTicketDeliveredTwice_CountsOnce()
    {
        var email = $"twice@{Senders.UniqueDomain()}";
        var ticketId = Senders.UniqueTicketId();
        var json = TestBus.RawTicket(ticketId, email);
        using var handled = new HandledTickets(_host);

        await _bus.PublishRawTicketAsync(json);
        await _bus.PublishRawTicketAsync(json);
        await _host.PublishAsync(Ticket(email, DateTimeOffset.UtcNow)); // a third ticket, to know both deliveries were handled

        await Eventually.HoldsAsync(async () => (await FindAccountAsync(email))?.TicketCount == 2, "two distinct tickets counted");
        await handled.WaitForAsync(ticketId, deliveries: 2);
        (await FindAccountAsync(email))!.TicketCount.ShouldBe(2);
        await AssertSingleEventAsync(email);
    }

    [Fact]
    public async Task FiftyTicketsFromOneNewSenderAtOnce_CreateOneAccountAndOneEvent()
    {
        var email = $"burst@{Senders.UniqueDomain()}";

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email))));

        await Eventually.HoldsAsync(async () => (await FindAccountAsync(email))?.TicketCount == 50, "all 50 tickets counted");
        (await _host.CountAccountsAsync(email)).ShouldBe(1);
        await AssertSingleEventAsync(email);
    }

    [Fact]
    public async Task ColleaguesOnANewDomain_ShareOneOrganization()
    {
        var domain = Senders.UniqueDomain("acme");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"colleague{i}@{domain}"))));

        await Eventually.HoldsAsync(async () => await CountAsync(domain) == 10, "ten accounts");
        var organizations = await _host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail!.EndsWith("@" + domain))
            .Select(u => u.OrganizationId).Distinct().ToListAsync());
        organizations.ShouldHaveSingleItem().ShouldNotBeNull();
        (await _host.QueryAsync(db => db.Organizations.CountAsync(o => o.Name == domain))).ShouldBe(1);
    }

    [Theory]
    [InlineData("someone@gmail.com")]
    [InlineData("iemand@ziggo.nl")]
    [InlineData("jemand@web.de")]
    [InlineData("jemand@gmx.at")]
    [InlineData("någon@telia.com")]
    public async Task PublicProviderSender_GetsAnAccountWithoutOrganization(string address)
    {
        var email = address.Replace("@", $".{Guid.NewGuid():N}@", StringComparison.Ordinal);
        await _bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));

        var account = await WaitForAccountAsync(email);
        account.OrganizationId.ShouldBeNull();
        (await WaitForEventsAsync(email, 1)).Single().OrganizationDomain.ShouldBeNull();
    }

    [Fact]
    public async Task EncodedWordSenderAtUnicodeDomain_StoresAsciiKeyAndUnicodeAddress()
    {
        var label = "bücher" + Guid.NewGuid().ToString("N")[..6];
        await _bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"=?UTF-8?Q?J=C3=B6rg?= <Jörg@{label.ToUpperInvariant()}.de>"));

        var ascii = new System.Globalization.IdnMapping().GetAscii(label) + ".de";
        var account = await WaitForAccountAsync($"jörg@{ascii}");
        account.Email.ShouldBe($"jörg@{label}.de");
        account.SuggestedDisplayName.ShouldBe("Jörg");
    }

    [Fact]
    public async Task NonPersonSenders_GetNoAccount_AndAreCountedByReason()
    {
        var domain = Senders.UniqueDomain("robots");
        using var skipped = new CounterRecorder("helpdesk_identity.tickets.skipped", "reason", thisTestOnly: false);

        foreach (var from in new[] { $"MAILER-DAEMON@{domain}", $"postmaster@{domain}", $"no-reply@{domain}", $"\"Notifications\" <donotreply+x@{domain}>" })
        {
            await _bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), from));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(skipped.Total >= 4), "four skips counted");
        skipped.Get("mail-system").ShouldBeGreaterThanOrEqualTo(2);
        skipped.Get("no-reply").ShouldBeGreaterThanOrEqualTo(2);
        (await CountAsync(domain)).ShouldBe(0);
    }

    internal static TicketReceived Ticket(string from, DateTimeOffset receivedAt) => new()
    {
        TicketId = Senders.UniqueTicketId(),
        From = from,
        Subject = "Help",
        ReceivedAt = receivedAt,
        Channel = "email",
    };

    private Task<Account?> FindAccountAsync(string email) =>
        _host.QueryAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email));

    private Task<int> CountAsync(string domain) =>
        _host.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail!.EndsWith("@" + domain)));

    private async Task<Account> WaitForAccountAsync(string email)
    {
        await Eventually.HoldsAsync(async () => await FindAccountAsync(email) is not null, $"an account for {email}");
        return (await FindAccountAsync(email))!;
    }

    private async Task<List<PublishedEvent>> WaitForEventsAsync(string email, int count)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(_bus.AccountsCreated.Count(e => e.Email == email) >= count), $"{count} event(s) for {email}");
        return _bus.AccountsCreated.Where(e => e.Email == email).ToList();
    }

    /// <summary>One event arrives, and no second one follows: every outbox row is published and received.</summary>
    private async Task AssertSingleEventAsync(string email)
    {
        await WaitForEventsAsync(email, 1);
        await _host.EveryEventReceivedAsync(_bus);
        _bus.AccountsCreated.Count(e => e.Email == email).ShouldBe(1);
    }
}
