using System.Net;
using HelpdeskIdentity.Api.Accounts.Invitation;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>"Your portal access is ready": one e-mail per account created from a ticket, when switched on (docs/decisions/0016).</summary>
public sealed class InvitationTests(InvitationFixture invited, SelfServiceFixture plain)
    : IClassFixture<InvitationFixture>, IClassFixture<SelfServiceFixture>
{
    private static readonly string DutchSubject = Subject("Je toegang tot het portaal staat klaar");

    [Fact]
    public async Task RedeliveredAndRepeatedTickets_OneInvitation_InTheDefaultLanguage_AndItsLinkClaimsTheAccount()
    {
        var host = invited.Host;
        var email = $"jan@{Senders.UniqueDomain()}";
        var first = TestBus.RawTicket(Senders.UniqueTicketId(), $"\"Jan Jansen\" <{email}>");
        await invited.Bus.PublishRawTicketAsync(first);
        await invited.Bus.PublishRawTicketAsync(first); // the same ticket redelivered
        await invited.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email.ToUpperInvariant()));
        await invited.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"Jan <{email}>"));
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email && u.TicketCount == 3)),
            "three distinct tickets counted");
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.EmailOutbox.AllAsync(e => e.Status != "pending")), "the e-mail outbox drained");

        var mail = (await Mailbox.WaitForAsync(host, email, DutchSubject)).ShouldHaveSingleItem("one invitation, however many tickets");
        (await host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.ToAddress == email))).ShouldBe(1);
        mail.Text.ShouldNotBeNull().ShouldContain($"je account daar staat klaar, op dit adres: {email}");
        mail.Text.ShouldContain("De link werkt één keer, 7 dagen lang.");
        mail.Text.ShouldContain(PasswordResetFixture.SupportEmail);
        var link = Mailbox.LinksTo(mail, "/account/set-password").ShouldHaveSingleItem();
        link.ShouldEndWith("&ui_locales=nl");

        using var browser = new BrowserClient(host);
        var form = await browser.GetPageAsync(link);
        form.ShouldContain("<html lang=\"nl\">");
        form.ShouldContain($"value=\"{email}\"");
        using (var claimed = await browser.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }))
        {
            CodeFlow.Location(claimed).ShouldBe("/");
        }

        (await SignedInAddressAsync(browser)).ShouldBe(email);
        (await browser.GetPageAsync("/")).ShouldContain("(bevestigd)", customMessage: "claiming through the invitation verifies the address");
        using var again = await browser.GetAsync(link);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the claim link works once");
    }

    [Fact]
    public async Task ClaimLink_LivesForTheInvitationLifetime_NotTheResetOne()
    {
        var host = invited.Host;
        var email = $"week@{Senders.UniqueDomain()}";
        await invited.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));
        await Mailbox.WaitForAsync(host, email, DutchSubject);

        var link = await host.QueryAsync(db => db.PasswordResetTokens.AsNoTracking()
            .SingleAsync(t => db.Users.Any(u => u.Id == t.AccountId && u.NormalizedEmail == email)));

        (link.ExpiresAt - link.CreatedAt).ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Off_ByDefault_AnAccountFromATicketGetsNoEmail()
    {
        var email = $"quiet@{Senders.UniqueDomain()}";

        await plain.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));

        await Eventually.HoldsAsync(async () => await plain.Host.CountAccountsAsync(email) == 1, "intake created the account");
        // The invitation would have been written in the transaction that created the account.
        (await plain.Host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.ToAddress == email || e.Category == InvitationEmails.Category))).ShouldBe(0);
        (await plain.Host.QueryAsync(db => db.PasswordResetTokens.CountAsync(t => db.Users.Any(u => u.Id == t.AccountId && u.NormalizedEmail == email)))).ShouldBe(0);
    }
}
