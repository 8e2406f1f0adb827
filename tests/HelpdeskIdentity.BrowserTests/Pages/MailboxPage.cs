using Microsoft.Playwright;

namespace HelpdeskIdentity.BrowserTests.Pages;

/// <summary>The service's development mailbox (/dev/mailbox): every e-mail it sent, newest first.</summary>
public sealed class MailboxPage(IPage page, string url)
{
    /// <summary>Opens the newest e-mail to <paramref name="email"/>, reloading the list until it has arrived.</summary>
    public async Task OpenNewestToAsync(string email, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await page.GotoAsync(url);
            var row = page.Locator("tr", new PageLocatorOptions { HasText = email }).First;
            if (await row.CountAsync() > 0)
            {
                await row.Locator("a").ClickAsync();
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail to {email} in the development mailbox.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Follows the link in the e-mail's text whose address contains <paramref name="path"/>.</summary>
    public Task FollowLinkAsync(string path) => page.Locator($"pre a[href*='{path}']").First.ClickAsync();

    /// <summary>The links in the open e-mail's text whose address contains <paramref name="path"/>.</summary>
    public ILocator LinksTo(string path) => page.Locator($"pre a[href*='{path}']");

    /// <summary>The open e-mail's plain text.</summary>
    public ILocator Text => page.Locator("pre").First;
}
