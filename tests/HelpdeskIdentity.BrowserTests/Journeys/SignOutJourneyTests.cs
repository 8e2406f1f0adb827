using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>Signing out of the portal signs out of the identity service too, even a "keep me signed in" session.</summary>
public sealed class SignOutJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignOut_FromThePortal_NextSignInShowsTheForm()
    {
        var email = $"otto.out@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Otto Out", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: true);

        await journey.Portal.SignOutButton.ClickAsync();
        await journey.Portal.ExpectSignedOutAsync();
        await Expect(journey.Portal.Message).ToHaveTextAsync("You are signed out.");
        await journey.StepAsync("signed-out");
        (await journey.Context.CookiesAsync([stack.Issuer])).ShouldNotContain(cookie => cookie.Name == "hdid.session");

        await journey.Portal.SignInButton.ClickAsync();
        await journey.SignIn.ExpectShownAsync();
        await journey.StepAsync("sign-in-again");
    }
}
