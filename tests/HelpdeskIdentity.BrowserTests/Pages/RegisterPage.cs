using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The service's registration page (/account/register) and the confirm page its e-mailed link opens.</summary>
public sealed partial class RegisterPage(IPage page)
{
    public ILocator Email => page.Locator("#email");

    public ILocator Name => page.Locator("#name");

    public ILocator Submit => page.Locator("form button[type=submit]");

    /// <summary>"Check your mailbox", once a request was accepted.</summary>
    public ILocator Sent => page.Locator("main [role=status]");

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(RegisterPath());
        await Expect(Name).ToBeVisibleAsync();
    }

    public async Task RegisterAsync(string email, string name)
    {
        await Email.FillAsync(email);
        await Name.FillAsync(name);
        await Submit.ClickAsync();
        await Expect(Sent).ToBeVisibleAsync();
    }

    /// <summary>The page the verification link opens: the address and name read-only, the new password twice.</summary>
    public async Task ExpectConfirmShownAsync(string email)
    {
        await Expect(page).ToHaveURLAsync(ConfirmPath());
        await Expect(Email).ToHaveValueAsync(email);
        await Expect(page.Locator("#new-password")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/account/register(\\?|$)")]
    private static partial Regex RegisterPath();

    [GeneratedRegex("/account/register/confirm")]
    private static partial Regex ConfirmPath();
}
