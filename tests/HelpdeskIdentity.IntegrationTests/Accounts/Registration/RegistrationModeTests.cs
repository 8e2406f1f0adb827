using System.Net;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>
/// Every registration mode × every kind of address, through the register page and the mailbox (issue 5,
/// docs/decisions/0017). The page answers the same each time; what differs is the e-mail — and, for a verification
/// link, the organisation the new account lands in.
/// </summary>
public sealed class RegistrationModeTests(RegistrationModesFixture hosts) : IClassFixture<RegistrationModesFixture>
{
    public enum Address
    {
        /// <summary>A colleague of a ticket sender: the domain has an organisation.</summary>
        NewAtKnownDomain,

        /// <summary>The ticket sender himself: an unclaimed account exists.</summary>
        ExistingAccount,

        /// <summary>A company domain nobody mailed from yet.</summary>
        UnknownDomain,

        PublicProvider,

        /// <summary>A subdomain of a known organisation's domain, which it does not list.</summary>
        Subdomain,
    }

    public enum Answer { Verification, ExistingAccount, NotAllowed }

    private const string Closed = "Accounts for this portal are not opened through its register page.";
    private const string Public = "Addresses at public mail providers such as gmail.com cannot register themselves";
    private const string Unknown = "The helpdesk does not know an organisation with the domain";

    public static TheoryData<string, Address, Answer, string?> Matrix => new()
    {
        { "closed", Address.NewAtKnownDomain, Answer.NotAllowed, Closed },
        { "closed", Address.ExistingAccount, Answer.ExistingAccount, null },
        { "closed", Address.UnknownDomain, Answer.NotAllowed, Closed },
        { "closed", Address.PublicProvider, Answer.NotAllowed, Closed },
        { "closed", Address.Subdomain, Answer.NotAllowed, Closed },
        { "known-domains", Address.NewAtKnownDomain, Answer.Verification, null },
        { "known-domains", Address.ExistingAccount, Answer.ExistingAccount, null },
        { "known-domains", Address.UnknownDomain, Answer.NotAllowed, Unknown },
        { "known-domains", Address.PublicProvider, Answer.NotAllowed, Public },
        { "known-domains", Address.Subdomain, Answer.NotAllowed, Unknown },
        { "open", Address.NewAtKnownDomain, Answer.Verification, null },
        { "open", Address.ExistingAccount, Answer.ExistingAccount, null },
        { "open", Address.UnknownDomain, Answer.Verification, null },
        { "open", Address.PublicProvider, Answer.Verification, null },
        { "open", Address.Subdomain, Answer.Verification, null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Register_InEachModeWithEachKindOfAddress_MailsTheRightAnswer(string mode, Address kind, Answer answer, string? reason)
    {
        var host = hosts[mode];
        var known = Senders.UniqueDomain("acme");
        var sender = $"first@{known}";
        var senderOrganization = (await Registering.TicketFromAsync(host, sender)).ShouldNotBeNull();
        var email = kind switch
        {
            Address.NewAtKnownDomain => $"colleague@{known}",
            Address.ExistingAccount => sender,
            Address.UnknownDomain => $"new@{Senders.UniqueDomain("fresh")}",
            Address.PublicProvider => $"reg-{Guid.NewGuid():N}@gmail.com",
            _ => $"sales@sales.{known}",
        };
        using var browser = new BrowserClient(host);

        var page = await Registering.RequestAsync(browser, email, "Jan Jansen");

        page.ShouldNotContain(email, customMessage: "the page never repeats the address");
        switch (answer)
        {
            case Answer.NotAllowed:
                var refusal = await Registering.MailAsync(host, email, Registering.NotAllowedSubject);
                refusal.Text.ShouldNotBeNull().ShouldContain(reason!);
                refusal.Text.ShouldContain(PasswordResetFixture.SupportEmail);
                refusal.Text.ShouldNotContain("token=");
                (await host.CountAccountsAsync(email)).ShouldBe(0);
                break;
            case Answer.ExistingAccount:
                var existing = await Registering.MailAsync(host, email, Registering.ExistingSubject);
                var reset = Mailbox.Links(existing).ShouldHaveSingleItem();
                (await browser.GetPageAsync(reset)).ShouldContain($"value=\"{email}\"", Case.Sensitive, "the link sets the existing account's password");
                using (var claimed = await browser.SubmitFormAsync(reset, Registering.Passwords(Registering.Password)))
                {
                    CodeFlow.Location(claimed).ShouldBe("/");
                }

                (await Registering.OrganizationOfAsync(host, email)).ShouldBe(senderOrganization, "the account keeps its organisation");
                break;
            default:
                var link = Registering.ConfirmLinks(await Registering.MailAsync(host, email, Registering.ConfirmSubject)).ShouldHaveSingleItem();
                (await host.CountAccountsAsync(email)).ShouldBe(0, "no account before the link is used");
                using (var created = await browser.SubmitFormAsync(link, Registering.Passwords(Registering.Password)))
                {
                    CodeFlow.Location(created).ShouldBe("/");
                    BrowserClient.SetCookie(created, SessionCookie.CookieName).ShouldNotBeNull("signed in once registered");
                }

                var account = await host.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email));
                account.EmailConfirmed.ShouldBeTrue();
                account.DisplayName.ShouldBe("Jan Jansen");
                await ShouldBeInTheRightOrganizationAsync(host, kind, email, account.OrganizationId, senderOrganization);
                break;
        }
    }

    private static async Task ShouldBeInTheRightOrganizationAsync(IdentityHost host, Address kind, string email, Guid? organization, Guid senderOrganization)
    {
        var domain = email[(email.IndexOf('@') + 1)..];
        switch (kind)
        {
            case Address.NewAtKnownDomain:
                organization.ShouldBe(senderOrganization, "a colleague joins the ticket sender's organisation");
                break;
            case Address.PublicProvider:
                organization.ShouldBeNull("a public provider's address never joins an organisation");
                break;
            default:
                organization.ShouldNotBeNull().ShouldNotBe(senderOrganization, "a subdomain is not the organisation's unless listed");
                (await Registering.DomainsOfAsync(host, organization.Value)).ShouldBe([domain]);
                var colleague = $"later@{domain}";
                (await Registering.TicketFromAsync(host, colleague)).ShouldBe(organization, "a later ticket sender joins the registered organisation");
                break;
        }
    }

    [Fact]
    public async Task ConfirmLink_AfterTheModeClosed_CreatesNoAccount()
    {
        var open = hosts["open"];
        var email = $"late@{Senders.UniqueDomain("fresh")}";
        using var browser = new BrowserClient(open);
        await Registering.RequestAsync(browser, email, "Jan Jansen");
        var link = Registering.ConfirmLinks(await Registering.MailAsync(open, email, Registering.ConfirmSubject)).ShouldHaveSingleItem();
        var closed = hosts["closed"];
        // The same link on a service whose mode is closed: copy the open service's link row there.
        var row = await open.QueryAsync(db => db.RegistrationTokens.AsNoTracking().SingleAsync(t => t.Email == email));
        await closed.QueryAsync(async db => { db.RegistrationTokens.Add(row); return await db.SaveChangesAsync(); });
        using var closedBrowser = new BrowserClient(closed);

        using var refused = await closedBrowser.SubmitFormAsync(link, Registering.Passwords(Registering.Password));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Registering is not possible any more");
        (await closed.CountAccountsAsync(email)).ShouldBe(0);
    }
}
