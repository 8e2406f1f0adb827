using System.Text.RegularExpressions;
using HelpdeskIdentity.BrowserTests.Accessibility;
using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.BrowserTests.Pages;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Passkeys;

/// <summary>
/// An organisation that requires a second factor (docs/decisions/0040): one of its people signs in with a password, is
/// asked to set one up before the portal, adds a passkey, continues and lands on the portal signed in.
/// </summary>
public sealed partial class SecondFactorPolicyJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MemberOfAnOrganisationThatRequiresIt_SetsUpAPasskeyBeforeThePortal()
    {
        var domain = PortalStack.SecondFactorRequiredDomain;
        await stack.PublishTicketAsync($"first@{domain}"); // the organisation, known from a ticket
        await stack.WaitForAccountAsync($"first@{domain}");
        var email = $"petra.policy@{domain}";
        await stack.CreateAccountAsync(email, "Petra Policy", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack, new JourneyOptions { BypassCsp = true });
        var audit = new AccessibilityAudit(journey);
        await VirtualAuthenticator.AttachAsync(journey.Page);
        var passkeys = new PasskeysPage(journey.Page, stack.Issuer);
        await journey.Portal.OpenAsync();
        await journey.Portal.SignInButton.ClickAsync();
        await journey.SignIn.ExpectShownAsync();
        await journey.SignIn.SignInAsync(email, Passwords.Journey, keepSignedIn: false);

        await Expect(journey.Page).ToHaveURLAsync(EnrolPath());
        await audit.CheckAsync("enrol");
        await journey.Page.Locator("#enrolment-ways a[href='/account/passkeys']").ClickAsync();
        await passkeys.AddButton.ClickAsync();
        await Expect(passkeys.Items).ToHaveCountAsync(1);
        await audit.CheckAsync("enrol-passkey-added");
        await journey.Page.Locator("#enrolment-continue").ClickAsync();

        await journey.Portal.ExpectSignedInAsync(email);
        await journey.StepAsync("signed-in-after-enrolment");
        audit.Violations.ShouldBeEmpty();
    }

    [GeneratedRegex("/account/enrol")]
    private static partial Regex EnrolPath();
}
