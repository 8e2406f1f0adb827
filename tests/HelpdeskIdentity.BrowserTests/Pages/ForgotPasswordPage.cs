using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The service's forgot-password page (/account/forgot-password).</summary>
public sealed partial class ForgotPasswordPage(IPage page)
{
    public ILocator Email => page.Locator("#email");

    public ILocator Submit => page.Locator("form button[type=submit]");

    /// <summary>"Check your mailbox", once a request was accepted.</summary>
    public ILocator Sent => page.Locator("main [role=status]");

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(ForgotPasswordPath());
        await Expect(Email).ToBeVisibleAsync();
    }

    public async Task RequestLinkAsync(string email)
    {
        await Email.FillAsync(email);
        await Submit.ClickAsync();
        await Expect(Sent).ToBeVisibleAsync();
    }

    [GeneratedRegex("/account/forgot-password")]
    private static partial Regex ForgotPasswordPath();
}
