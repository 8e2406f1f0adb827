using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The service's set-password page (/account/set-password?token=…), reached from an e-mailed link.</summary>
public sealed partial class SetPasswordPage(IPage page)
{
    /// <summary>The address whose password is set, read-only.</summary>
    public ILocator Email => page.Locator("#email");

    public ILocator NewPassword => page.Locator("#new-password");

    public ILocator ConfirmPassword => page.Locator("#confirm-password");

    public ILocator Submit => page.Locator("form button[type=submit]");

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(SetPasswordPath());
        await Expect(NewPassword).ToBeVisibleAsync();
    }

    public async Task SetAsync(string password, string? confirmation = null)
    {
        await NewPassword.FillAsync(password);
        await ConfirmPassword.FillAsync(confirmation ?? password);
        await Submit.ClickAsync();
    }

    [GeneratedRegex("/account/set-password")]
    private static partial Regex SetPasswordPath();
}
