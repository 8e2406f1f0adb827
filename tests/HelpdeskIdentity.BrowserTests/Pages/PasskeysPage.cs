using Microsoft.Playwright;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The passkey parts of the service's pages: the sign-in button, "Use a passkey instead", and the account's passkeys page.</summary>
public sealed class PasskeysPage(IPage page, string issuer)
{
    public ILocator SignInButton => page.Locator("#passkey-sign-in-button");

    public ILocator ClaimButton => page.Locator("#passkey-claim-button");

    public ILocator AddButton => page.Locator("#passkey-add-button");

    public ILocator NewName => page.Locator("#new-passkey-name");

    /// <summary>The listed passkeys, one item each.</summary>
    public ILocator Items => page.Locator("#passkeys li");

    public ILocator None => page.Locator("#no-passkeys");

    public ILocator Status => page.Locator("#passkey-status");

    public ILocator Error => page.Locator("#form-error");

    public Task OpenAsync() => page.GotoAsync(issuer + "/account/passkeys");

    /// <summary>The remove button of the passkey called <paramref name="name"/>.</summary>
    public ILocator RemoveButton(string name) =>
        Items.Filter(new LocatorFilterOptions { HasText = name }).Locator("form[action$='handler=remove'] button");
}
