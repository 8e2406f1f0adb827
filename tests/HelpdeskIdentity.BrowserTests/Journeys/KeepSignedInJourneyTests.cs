using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Shouldly;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>
/// "Keep me signed in" makes the session outlive the browser; without it, closing the browser ends it. After the
/// restart the portal itself starts signed out (its tokens lived in session storage): Sign in shows whether the
/// provider still knows the person.
/// </summary>
public sealed class KeepSignedInJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task KeepSignedIn_BrowserRestart_SignInReturnsWithoutTheForm()
    {
        var email = $"kees.kept@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Kees Kept", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: true);

        await journey.RestartBrowserAsync();
        await journey.Portal.OpenAsync();
        await journey.Portal.ExpectSignedOutAsync();
        await journey.StepAsync("after-restart");
        await journey.Portal.SignInButton.ClickAsync();

        await journey.Portal.ExpectSignedInAsync(email);
        await journey.StepAsync("signed-in-again");
        journey.Visited.ShouldNotContain(url => url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutKeepSignedIn_BrowserRestart_SignInAsksForThePassword()
    {
        var email = $"sanne.session@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Sanne Session", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: false);

        await journey.RestartBrowserAsync();
        await journey.Portal.OpenAsync();
        await journey.StepAsync("after-restart");
        await journey.Portal.SignInButton.ClickAsync();

        await journey.SignIn.ExpectShownAsync();
        await journey.StepAsync("sign-in-again");
    }
}
