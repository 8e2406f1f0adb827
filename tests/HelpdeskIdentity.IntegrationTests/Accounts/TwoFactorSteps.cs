using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>What a person does on the pages to set up and use two-step verification, for the tests that need it.</summary>
public static partial class TwoFactorSteps
{
    public const string Password = "correct horse battery staple";

    /// <summary>An account with a password and the authenticator app turned on through the account page; returns its key and recovery codes.</summary>
    public static async Task<(string Email, string Key, IReadOnlyList<string> Codes)> AccountWithTwoFactorAsync(IdentityHost host, string name)
    {
        var email = $"{name}@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, Password);
        using var browser = await SelfServiceFixture.SignedInAsync(host, email, Password);
        var key = Key(await browser.GetPageAsync(PagePaths.TwoFactor));
        return (email, key, await EnableAsync(browser, key));
    }

    public static async Task<IReadOnlyList<string>> EnableAsync(BrowserClient browser, string key)
    {
        using var enabled = await browser.SubmitFormAsync(PagePaths.TwoFactor, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await enabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain(TwoFactorText.RecoveryCodesTitle);
        return [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)];
    }

    /// <summary>Signs in with the password; returns where the browser is sent (the second step, or the return URL).</summary>
    public static async Task<string> PasswordAsync(BrowserClient browser, string email, string password = Password)
    {
        using var response = await browser.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(email, password));
        return CodeFlow.Location(response);
    }

    public static string Key(string html)
    {
        var key = AuthenticatorKey().Match(html).Groups[1].Value;
        key.ShouldNotBeNullOrEmpty("the set-up page shows the key");
        return key;
    }

    [GeneratedRegex("""<code id="authenticator-key">([a-z2-7 ]+)</code>""")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("""<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>""")]
    private static partial Regex RecoveryCode();
}
