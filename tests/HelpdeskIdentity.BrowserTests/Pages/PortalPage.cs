using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The demo portal (services/portal-demo). Found by id, so a journey in another language uses it too.</summary>
public sealed class PortalPage(IPage page, string url)
{
    public ILocator SignedOut => page.Locator("#signed-out");

    public ILocator SignedIn => page.Locator("#signed-in");

    public ILocator SignInButton => page.Locator("#sign-in");

    /// <summary>"Create an account": sign-in with OIDC prompt=create.</summary>
    public ILocator RegisterButton => page.Locator("#register");

    public ILocator SignOutButton => page.Locator("#sign-out");

    public ILocator Message => page.Locator("#message");

    public ILocator Error => page.Locator("#error");

    public ILocator Name => page.Locator("#profile-name");

    public ILocator Email => page.Locator("#profile-email");

    public ILocator Verified => page.Locator("#profile-verified");

    public ILocator Organization => page.Locator("#profile-organization");

    public ILocator Language => page.Locator("#language");

    /// <summary>Opens the portal's home page and waits until it knows whether someone is signed in.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync(url);
        await ExpectSettledAsync();
    }

    public async Task ExpectSettledAsync() => await Expect(page.Locator("#signed-out:not([hidden]), #signed-in:not([hidden])")).ToBeVisibleAsync();

    /// <summary>Back on the portal, signed in as <paramref name="email"/>.</summary>
    public async Task ExpectSignedInAsync(string email)
    {
        await Expect(page).ToHaveURLAsync(url + "/");
        await Expect(SignedIn).ToBeVisibleAsync();
        await Expect(Email).ToHaveTextAsync(email);
    }

    public async Task ExpectSignedOutAsync()
    {
        await Expect(SignedOut).ToBeVisibleAsync();
        await Expect(SignInButton).ToBeVisibleAsync();
    }
}
