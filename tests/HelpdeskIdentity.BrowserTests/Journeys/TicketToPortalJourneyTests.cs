using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>
/// Seed 004: someone who e-mailed the helpdesk already has an account; they claim it from the portal through
/// "Forgot your password?" and the e-mail, and come back to the portal signed in.
/// </summary>
public sealed class TicketToPortalJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NewRequester_ForgotPasswordThroughTheMailbox_SignedInOnThePortalAndVerified()
    {
        var domain = Senders.UniqueDomain("acme");
        var email = $"jan.jansen@{domain}";
        await stack.PublishTicketAsync($"\"Jan Jansen\" <{email}>");
        await stack.WaitForAccountAsync(email);

        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.Portal.OpenAsync();
        await journey.Portal.ExpectSignedOutAsync();
        await journey.StepAsync("portal");
        await journey.Portal.SignInButton.ClickAsync();
        await journey.SignIn.ExpectShownAsync();
        await journey.StepAsync("sign-in");
        await journey.SignIn.ForgotPasswordLink.ClickAsync();
        await journey.ForgotPassword.ExpectShownAsync();
        await journey.StepAsync("forgot-password");
        await journey.ForgotPassword.RequestLinkAsync(email);
        await journey.StepAsync("check-your-mailbox");

        await journey.Mailbox.OpenNewestToAsync(email);
        await journey.StepAsync("e-mail");
        await journey.Mailbox.FollowLinkAsync("/account/set-password");
        await journey.SetPassword.ExpectShownAsync();
        await Expect(journey.SetPassword.Email).ToHaveValueAsync(email);
        await journey.StepAsync("set-password");
        await journey.SetPassword.SetAsync(Passwords.Journey);

        await journey.Portal.ExpectSignedInAsync(email);
        await journey.StepAsync("signed-in");
        await Expect(journey.Portal.Name).ToHaveTextAsync("Jan Jansen");
        await Expect(journey.Portal.Verified).ToHaveTextAsync("Yes");
        await Expect(journey.Portal.Organization).ToContainTextAsync(domain);
    }
}
