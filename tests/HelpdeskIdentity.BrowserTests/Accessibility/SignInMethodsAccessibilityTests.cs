using System.Text.RegularExpressions;
using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Accessibility;

/// <summary>
/// The pages issue 16 added pass axe-core with no serious or critical violation: asking for and typing an e-mailed
/// sign-in code, confirming it's you before changing sign-in methods, setting up two-step verification (QR code, recovery codes, turned on), and the second step of a
/// sign-in — empty, with errors and done.
/// </summary>
public sealed partial class SignInMethodsAccessibilityTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly JourneyOptions Audited = new() { BypassCsp = true };

    [Fact]
    public async Task SignInCodePages_EmptyInvalidSentAndWrongCode_NoSeriousViolations()
    {
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        var page = journey.Page;
        await page.GotoAsync(stack.Issuer + "/account/login");
        await page.Locator("a[href^='/account/login/code']").ClickAsync();
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await audit.CheckAsync("sign-in-code");

        await page.Locator("#email").FillAsync("not an address");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await audit.CheckAsync("sign-in-code-invalid");

        await page.Locator("#email").FillAsync($"nobody@{Senders.UniqueDomain()}");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#code-sent")).ToBeVisibleAsync();
        await audit.CheckAsync("sign-in-code-sent");

        await page.Locator("#code").FillAsync("000000");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#form-error")).ToBeVisibleAsync();
        await audit.CheckAsync("sign-in-code-wrong");

        audit.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoFactorPages_SetUpWrongCodeRecoveryCodesOnAndSecondStep_NoSeriousViolations()
    {
        var email = $"tove.totp@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Tove Totp", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        var page = journey.Page;
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: false);
        await page.GotoAsync(stack.Issuer + "/");
        await audit.CheckAsync("account");

        await page.Locator("a[href='/account/two-factor']").ClickAsync();
        await Expect(page.Locator("#authenticator-qr")).ToBeVisibleAsync();
        await page.GotoAsync(stack.Issuer + "/account/confirm-access?returnUrl=%2Faccount%2Ftwo-factor"); // where an older session is sent
        await audit.CheckAsync("confirm-access");
        await page.Locator("#current-password").FillAsync("not the password at all");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#current-password-error")).ToBeVisibleAsync();
        await audit.CheckAsync("confirm-access-wrong-password");
        await page.Locator("#current-password").FillAsync(Passwords.Journey);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#authenticator-qr")).ToBeVisibleAsync(); // back where it was going
        await audit.CheckAsync("two-factor-set-up");
        var key = await page.Locator("#authenticator-key").InnerTextAsync();

        await page.Locator("#enable-code").FillAsync(Totp.Code(key) == "000000" ? "000001" : "000000");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#form-error")).ToBeVisibleAsync();
        await audit.CheckAsync("two-factor-wrong-code");

        await page.Locator("#enable-code").FillAsync(await Totp.NextCodeAsync(key));
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#recovery-codes")).ToBeVisibleAsync();
        await audit.CheckAsync("two-factor-recovery-codes");

        await page.GotoAsync(stack.Issuer + "/account/two-factor");
        await Expect(page.Locator("#disable-code")).ToBeVisibleAsync();
        await audit.CheckAsync("two-factor-on");

        await journey.RestartBrowserAsync(); // a new browser session: signed out, not remembered
        page = journey.Page;
        await page.GotoAsync(stack.Issuer + "/account/login");
        await journey.SignIn.SignInAsync(email, Passwords.Journey, keepSignedIn: false);
        await Expect(page).ToHaveURLAsync(SecondStepPath());
        await audit.CheckAsync("second-step");

        await page.Locator("#code").FillAsync(Totp.Code(key) == "000000" ? "000001" : "000000");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#form-error")).ToBeVisibleAsync();
        await audit.CheckAsync("second-step-wrong-code");

        audit.Violations.ShouldBeEmpty();
    }

    [GeneratedRegex("/account/login/two-factor")]
    private static partial Regex SecondStepPath();
}
