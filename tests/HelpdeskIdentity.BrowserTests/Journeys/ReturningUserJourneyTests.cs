using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>Someone with a password comes back in a browser that has never seen the portal.</summary>
public sealed class ReturningUserJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReturningUser_FreshBrowser_SignsInWithThePassword()
    {
        var email = $"rita.returning@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Rita Returning", Passwords.Journey);

        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: false);

        await Expect(journey.Portal.Name).ToHaveTextAsync("Rita Returning");
        await Expect(journey.Portal.Verified).ToHaveTextAsync("Yes");
    }
}
