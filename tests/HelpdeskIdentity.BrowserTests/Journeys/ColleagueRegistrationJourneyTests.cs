using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>
/// Seed 004's "colleagues on the same e-mail domain can create their own account": a colleague of someone who
/// mailed the helpdesk registers from the portal (prompt=create), confirms by e-mail, sets a password and
/// lands in the same organisation; an address at a public mail provider cannot join it.
/// </summary>
public sealed class ColleagueRegistrationJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ColleagueOnTheSameDomain_RegistersFromThePortal_SignedInInTheSameOrganisation()
    {
        var domain = Senders.UniqueDomain("contict");
        await stack.PublishTicketAsync($"\"Jan Jansen\" <jan@{domain}>");
        await stack.WaitForAccountAsync($"jan@{domain}");
        var colleague = $"piet@{domain}";

        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.Portal.OpenAsync();
        await journey.StepAsync("portal");
        await journey.Portal.RegisterButton.ClickAsync();
        await journey.Register.ExpectShownAsync();
        await journey.StepAsync("register");
        await journey.Register.RegisterAsync(colleague, "Piet de Vries");
        await journey.StepAsync("check-your-mailbox");

        await journey.Mailbox.OpenNewestToAsync(colleague);
        await journey.StepAsync("e-mail");
        await journey.Mailbox.FollowLinkAsync("/account/register/confirm");
        await journey.Register.ExpectConfirmShownAsync(colleague);
        await journey.StepAsync("confirm");
        await journey.SetPassword.SetAsync(Passwords.Journey);

        await journey.Portal.ExpectSignedInAsync(colleague);
        await journey.StepAsync("signed-in");
        await Expect(journey.Portal.Name).ToHaveTextAsync("Piet de Vries");
        await Expect(journey.Portal.Verified).ToHaveTextAsync("Yes");
        await Expect(journey.Portal.Organization).ToContainTextAsync(domain);
    }

    [Fact]
    public async Task PublicMailProviderAddress_GetsAnExplanationInsteadOfALink_AndNoAccount()
    {
        var address = $"{Senders.UniqueDomain("piet").Split('.')[0]}@gmail.com";

        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.Page.GotoAsync(stack.Issuer + "/account/register");
        await journey.Register.RegisterAsync(address, "Piet Privé");
        await journey.StepAsync("check-your-mailbox");

        await journey.Mailbox.OpenNewestToAsync(address);
        await journey.StepAsync("e-mail");
        await Expect(journey.Mailbox.LinksTo("/account/register/confirm")).ToHaveCountAsync(0);
        await Expect(journey.Mailbox.Text).ToContainTextAsync(RegistrationEmailText.ReasonPublicProvider("gmail.com"));
        await Expect(journey.Mailbox.Text).ToContainTextAsync("support@helpdesk.example");
    }
}
