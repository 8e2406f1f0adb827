using HelpdeskIdentity.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>The portal speaks the browser's language (en, nl, de, sv), lets the person switch, and asks the provider for it.</summary>
public sealed class PortalLanguageTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BrowserPrefersGerman_SignIn_PortalInGermanAndUiLocalesDe()
    {
        await using var journey = await Journey.StartAsync(browser, stack, new JourneyOptions { Locale = "de-AT" });
        await journey.Portal.OpenAsync();
        await Expect(journey.Portal.SignInButton).ToHaveTextAsync("Anmelden");
        await Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await journey.StepAsync("portal-de");

        var authorize = journey.Page.WaitForRequestAsync(r => r.Url.StartsWith(stack.Issuer + "/connect/authorize", StringComparison.Ordinal));
        await journey.Portal.SignInButton.ClickAsync();
        var query = QueryHelpers.ParseQuery(new Uri((await authorize).Url).Query);

        query["ui_locales"].ToString().ShouldBe("de");
        await journey.SignIn.ExpectShownAsync();
    }

    [Fact]
    public async Task Switcher_Svenska_PortalInSwedishAfterAReload()
    {
        await using var journey = await Journey.StartAsync(browser, stack);
        await journey.Portal.OpenAsync();
        await Expect(journey.Portal.SignInButton).ToHaveTextAsync("Sign in");

        await journey.Portal.Language.SelectOptionAsync("sv");
        await Expect(journey.Portal.SignInButton).ToHaveTextAsync("Logga in");
        await journey.Page.ReloadAsync();

        await Expect(journey.Portal.SignInButton).ToHaveTextAsync("Logga in");
        await Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await journey.StepAsync("portal-sv");
    }
}
