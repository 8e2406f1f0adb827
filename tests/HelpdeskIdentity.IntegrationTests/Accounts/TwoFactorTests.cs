using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>Authenticator apps, recovery codes, remembered browsers, lockout, and resets that respect the second factor (issue 16, docs/decisions/0037).</summary>
public sealed class TwoFactorTests(PasswordResetFixture fixture) : IClassFixture<PasswordResetFixture>
{
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "a much longer new passphrase";
    private static readonly string ChangedSubject = SelfServiceFixture.Subject("Your sign-in methods changed");
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enrol_QrCodeAndKeyShown_FirstCodeTurnsItOn_RecoveryCodesShownOnce_SecretsNotStoredReadable_OtherSessionsAndRefreshTokensEnd_OwnerTold()
    {
        var email = $"enrol@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        var refreshToken = await SelfServiceFixture.RefreshTokenAsync(_host, email, Password);
        using var other = await SelfServiceFixture.SignedInAsync(_host, email, Password);
        using var browser = await SelfServiceFixture.SignedInAsync(_host, email, Password);

        var setup = await browser.GetPageAsync(PagePaths.TwoFactor);
        setup.ShouldContain("""<img id="authenticator-qr" src="data:image/png;base64,""");
        var key = TwoFactorSteps.Key(setup);
        (await SelfServiceFixture.SignedInAddressAsync(other)).ShouldBe(email, "opening the set-up page makes a key and ends nothing");
        using (var wrong = await browser.SubmitFormAsync(PagePaths.TwoFactor, new Dictionary<string, string> { ["Code"] = OtherThan(Totp.Code(key)) }))
        {
            WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.EnableWrongCode);
        }

        var codes = await TwoFactorSteps.EnableAsync(browser, key);

        codes.Count.ShouldBe(10);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email, "this browser stays signed in");
        (await SelfServiceFixture.SignedInAddressAsync(other)).ShouldBeNull("every other browser is signed out");
        (await SelfServiceFixture.RefreshAsync(_host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest, "a refresh token from before the change is revoked");
        (await browser.GetPageAsync("/")).ShouldContain($"<dd id=\"two-factor-state\">{TwoFactorText.StateOn}</dd>");
        (await browser.GetPageAsync(PagePaths.TwoFactor)).ShouldNotContain(codes[0], customMessage: "recovery codes are shown once");
        var stored = await _host.QueryAsync(db => db.UserTokens.Where(t => t.UserId == db.Users.Single(u => u.NormalizedEmail == email).Id)
            .Select(t => t.Value ?? "").ToListAsync(Cancellation));
        stored.Count.ShouldBe(2);
        stored.ShouldAllBe(value => !value.Contains(key.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        stored.ShouldAllBe(value => !codes.Any(code => value.Contains(code, StringComparison.OrdinalIgnoreCase)));
        (await Mailbox.WaitForAsync(_host, email, ChangedSubject)).ShouldHaveSingleItem().Text.ShouldNotBeNull()
            .ShouldContain("Two-step verification was turned on");
        (await _host.QueryAsync(db => db.AuditEvents.Where(e => e.Type == "two_factor.changed" && e.AccountId == db.Users.Single(u => u.NormalizedEmail == email).Id)
            .Select(e => e.Detail).ToListAsync(Cancellation))).ShouldBe(["turned_on"]);
    }

    [Fact]
    public async Task SignIn_PasswordThenCode_TheSessionStartsOnlyAfterTheCode()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "second");
        using var browser = new BrowserClient(_host);

        var step = await TwoFactorSteps.PasswordAsync(browser, email);

        step.ShouldStartWith(PagePaths.SecondStep + "?returnUrl=");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull("the password alone signs nobody in");
        using var done = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
        CodeFlow.Location(done).ShouldBe("/");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);
    }

    [Fact]
    public async Task SecondStep_ACodeAlreadyUsed_IsRefusedInAnyBrowser_AndCountsAsAWrongCode()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "once");
        using var first = new BrowserClient(_host);
        var code = await Totp.NextCodeAsync(key);
        using (var done = await first.SubmitFormAsync(await TwoFactorSteps.PasswordAsync(first, email), new Dictionary<string, string> { ["Code"] = code }))
        {
            CodeFlow.Location(done).ShouldBe("/");
        }

        // Someone who saw the code typed, with the password, within the code's 30 seconds.
        using var second = new BrowserClient(_host);
        var step = await TwoFactorSteps.PasswordAsync(second, email);
        using (var replay = await second.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = code }))
        {
            replay.StatusCode.ShouldBe(HttpStatusCode.OK, "the page again, with its error");
            WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong);
        }

        (await SelfServiceFixture.SignedInAddressAsync(second)).ShouldBeNull("a used code signs nobody in");
        (await _host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.SecondFactorFailedCount).SingleAsync(Cancellation)))
            .ShouldBe(1, "the replay counts toward lockout like any wrong code");
        using var next = await second.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
        CodeFlow.Location(next).ShouldBe("/", "the app's next code works");
    }

    [Fact]
    public async Task SecondStepWithoutAFirstFactor_SendsToSignIn()
    {
        using var browser = new BrowserClient(_host);

        CodeFlow.Location(await browser.GetAsync(PagePaths.SecondStep)).ShouldBe("/account/login");
    }

    [Fact]
    public async Task WrongCodes_LockTheSecondFactor_ThenEvenTheRightCodeIsRefused()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "locked");
        using var browser = new BrowserClient(_host);
        var step = await TwoFactorSteps.PasswordAsync(browser, email);

        for (var attempt = 1; attempt < PasswordResetFixture.MaxFailedAttempts; attempt++)
        {
            using var wrong = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = OtherThan(Totp.Code(key)) });
            (await wrong.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong, customMessage: $"attempt {attempt}");
        }

        using (var last = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = OtherThan(Totp.Code(key)) }))
        {
            (await last.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.LockedOut);
        }

        using var right = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
        (await right.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.LockedOut);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
    }

    [Fact]
    public async Task WrongPasswords_DoNotLockTheAuthenticatorApp_AnEmailedCodeAndTheAppsCodeSignTheOwnerIn()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "guessed");
        using (var guesser = new BrowserClient(_host))
        {
            for (var attempt = 1; attempt <= PasswordResetFixture.MaxFailedAttempts; attempt++)
            {
                using var wrong = await guesser.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(email, $"guess {attempt}"));
            }

            using var right = await guesser.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(email, TwoFactorSteps.Password));
            (await right.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.LockedOut, customMessage: "the guesses locked the password");
        }

        using var owner = new BrowserClient(_host);
        var verifyUrl = await SignInCodeTests.RequestCodeAsync(owner, PagePaths.SignInCode, email);
        using var first = await owner.SubmitFormAsync(verifyUrl,
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Code"] = await SignInCodeTests.CodeAsync(_host, email) });
        var step = CodeFlow.Location(first);
        step.ShouldStartWith(PagePaths.SecondStep);
        using var second = await owner.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });

        CodeFlow.Location(second).ShouldBe("/", "wrong passwords lock the password, not the authenticator app");
        (await SelfServiceFixture.SignedInAddressAsync(owner)).ShouldBe(email);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        var (email, _, codes) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "recovery");
        using (var first = new BrowserClient(_host))
        {
            var step = await TwoFactorSteps.PasswordAsync(first, email);
            using var done = await first.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = codes[3].ToLowerInvariant() });
            CodeFlow.Location(done).ShouldBe("/", "a recovery code, whatever its case");
            (await first.GetPageAsync(PagePaths.TwoFactor)).ShouldContain(TwoFactorText.ManageLeadOn(9));
        }

        using var second = new BrowserClient(_host);
        var again = await TwoFactorSteps.PasswordAsync(second, email);
        using var refused = await second.SubmitFormAsync(again, new Dictionary<string, string> { ["Code"] = codes[3] });
        (await refused.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong);
        (await SelfServiceFixture.SignedInAddressAsync(second)).ShouldBeNull();
    }

    [Fact]
    public async Task RememberThisBrowser_SkipsTheCodeThere_NotElsewhere()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "remember");
        using var remembered = new BrowserClient(_host);
        var step = await TwoFactorSteps.PasswordAsync(remembered, email);
        using (var done = await remembered.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key), ["RememberBrowser"] = "true" }))
        {
            BrowserClient.SetCookie(done, TwoFactorCookies.RememberedCookie).ShouldNotBeNull().Expires.ShouldNotBeNull()
                .ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(29));
        }

        (await TwoFactorSteps.PasswordAsync(remembered, email)).ShouldBe("/", "this browser is remembered");
        using var other = new BrowserClient(_host);
        (await TwoFactorSteps.PasswordAsync(other, email)).ShouldStartWith(PagePaths.SecondStep);
    }

    [Fact]
    public async Task EmailedSignInCode_AlsoNeedsTheSecondFactor()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "mailed");
        using var browser = new BrowserClient(_host);
        var verifyUrl = await SignInCodeTests.RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var code = await SignInCodeTests.CodeAsync(_host, email);

        using var first = await browser.SubmitFormAsync(verifyUrl, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Code"] = code });
        var step = CodeFlow.Location(first);

        step.ShouldStartWith(PagePaths.SecondStep);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        using var done = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
        CodeFlow.Location(done).ShouldBe("/");
    }

    [Fact]
    public async Task ResetLink_AloneDoesNotChangeThePassword_WithACurrentCodeItDoes()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "reset");
        using var browser = new BrowserClient(_host);
        var link = await SelfServiceFixture.SetPasswordLinkAsync(_host, email);
        var form = await browser.GetPageAsync(link);
        form.ShouldContain(TwoFactorText.ResetCodeHint);

        using (var withoutCode = await browser.SubmitFormAsync(link, Passwords(NewPassword)))
        {
            withoutCode.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await withoutCode.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong);
        }

        using (var wrongCode = await browser.SubmitFormAsync(link, Passwords(NewPassword, OtherThan(Totp.Code(key)))))
        {
            (await wrongCode.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong);
        }

        using (var other = new BrowserClient(_host))
        {
            (await TwoFactorSteps.PasswordAsync(other, email)).ShouldStartWith(PagePaths.SecondStep, customMessage: "the old password still works: the link alone changed nothing");
        }

        using var withCode = await browser.SubmitFormAsync(link, Passwords(NewPassword, await Totp.NextCodeAsync(key)));
        CodeFlow.Location(withCode).ShouldBe("/", "the same link still works, with the code");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);
        using var fresh = new BrowserClient(_host);
        (await TwoFactorSteps.PasswordAsync(fresh, email, NewPassword)).ShouldStartWith(PagePaths.SecondStep, customMessage: "the reset kept the second factor");
    }

    [Fact]
    public async Task TurnOff_NeedsACurrentCode_ThenThePasswordAloneSignsIn_AndTheOwnerIsTold()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "off");
        using var browser = new BrowserClient(_host);
        using (var signedIn = await browser.SubmitFormAsync(await TwoFactorSteps.PasswordAsync(browser, email), new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) }))
        {
            CodeFlow.Location(signedIn).ShouldBe("/");
        }

        using (var refused = await SubmitManageFormAsync(browser, "disable", OtherThan(Totp.Code(key))))
        {
            (await refused.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong);
        }

        using (var off = await SubmitManageFormAsync(browser, "disable", await Totp.NextCodeAsync(key)))
        {
            (await off.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.TurnedOffText);
        }

        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email, "this browser stays signed in");
        using var fresh = new BrowserClient(_host);
        (await TwoFactorSteps.PasswordAsync(fresh, email)).ShouldBe("/");
        var notices = await Mailbox.WaitForAsync(_host, email, ChangedSubject, count: 2);
        notices.ShouldContain(mail => (mail.Text ?? "").Contains("Two-step verification was turned off", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> SubmitManageFormAsync(BrowserClient browser, string handler, string code)
    {
        var page = await browser.GetPageAsync(PagePaths.TwoFactor);
        return await browser.PostAsync($"{PagePaths.TwoFactor}?handler={handler}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(page),
            ["Code"] = code,
        });
    }

    private static Dictionary<string, string> Passwords(string password, string? code = null)
    {
        var fields = new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password };
        if (code is not null)
        {
            fields["SecondFactorCode"] = code;
        }

        return fields;
    }

    private static string OtherThan(string code) => code == "000000" ? "000001" : "000000";
}
