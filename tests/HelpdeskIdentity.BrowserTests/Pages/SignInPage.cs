using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The service's sign-in page (/account/login).</summary>
public sealed partial class SignInPage(IPage page)
{
    public ILocator Email => page.Locator("#email");

    public ILocator Password => page.Locator("#password");

    public ILocator KeepSignedIn => page.Locator("#keep-signed-in");

    public ILocator Submit => page.Locator("form button[type=submit]");

    public ILocator ForgotPasswordLink => page.Locator("a[href^='/account/forgot-password']");

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(LoginPath());
        await Expect(Password).ToBeVisibleAsync();
    }

    public async Task SignInAsync(string email, string password, bool keepSignedIn)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await KeepSignedIn.SetCheckedAsync(keepSignedIn);
        await Submit.ClickAsync();
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginPath();
}
