using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>
/// The portal renews its access token before it expires, silently, with the refresh token — the person stays
/// signed in. The page's clock is moved on (Playwright's clock) rather than waiting the token's ten minutes.
/// </summary>
public sealed class SilentRenewJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignedIn_AccessTokenAboutToExpire_RenewedWithTheRefreshTokenAndStillSignedIn()
    {
        var email = $"rob.renewed@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Rob Renewed", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.Context.Clock.InstallAsync();
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: false);

        var renewal = journey.Page.WaitForResponseAsync(IsRefreshTokenGrant);
        await journey.Page.Clock.FastForwardAsync("09:30"); // the access token lives 10 minutes; renewal starts 1 minute before
        var response = await renewal;

        response.Status.ShouldBe(200);
        await journey.Portal.ExpectSignedInAsync(email);
        await Expect(journey.Portal.Error).ToBeHiddenAsync();
        await journey.StepAsync("renewed");
    }

    private static bool IsRefreshTokenGrant(IResponse response) =>
        response.Url.EndsWith("/connect/token", StringComparison.Ordinal)
        && response.Request.PostData?.Contains("grant_type=refresh_token", StringComparison.Ordinal) == true;
}
