using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.IntegrationTests.Sessions;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>A signed-in user changes the password at /account/password (issue 4, docs/decisions/0015).</summary>
public sealed class ChangePasswordTests(SelfServiceFixture fixture) : IClassFixture<SelfServiceFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangePassword_ThisBrowserStays_OtherSessionsAndRefreshTokensEnd_AndTheOwnerIsTold()
    {
        var email = $"change@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword, "Jan Jansen");
        var refreshToken = await RefreshTokenAsync(_host, email, OldPassword);
        using var other = await SignedInAsync(_host, email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);
        var openLink = await SetPasswordLinkAsync(_host, email);
        var pendingAddress = $"pending@{Senders.UniqueDomain()}";
        using (var asked = await browser.SubmitFormAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = pendingAddress,
            ["Input.CurrentPassword"] = OldPassword,
        }))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var pendingChange = Mailbox.LinksTo((await Mailbox.WaitForAsync(_host, pendingAddress, Subject("Confirm your new e-mail address"))).Single(), "/account/confirm-email").Single();

        var home = await browser.GetPageAsync("/");
        home.ShouldContain("""<a href="/account/password">Change your password</a>""");
        var form = await browser.GetPageAsync("/account/password");
        form.ShouldContain(">At least 15 characters. ", customMessage: "the rules are shown before typing");
        form.ShouldContain(">Not a common password or one known from a data breach.<span");
        form.ShouldContain("autocomplete=\"current-password\"");
        await SessionStampTests.ChangePasswordAsync(browser, OldPassword, NewPassword);

        (await SignedInAddressAsync(browser)).ShouldBe(email, "this browser stays signed in");
        (await SignedInAddressAsync(other)).ShouldBeNull("every other browser is signed out");
        (await RefreshAsync(_host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest, "every refresh token is revoked");
        using (var voided = await new BrowserClient(_host).GetAsync(openLink))
        {
            voided.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "an open set-password link is voided by the change");
        }

        using (var voided = await new BrowserClient(_host).GetAsync(pendingChange))
        {
            voided.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a pending e-mail change asked for with the old password is voided too");
        }

        var notice = (await Mailbox.WaitForAsync(_host, email, Subject("Your password was changed"))).ShouldHaveSingleItem();
        notice.Text.ShouldNotBeNull().ShouldContain("Hello Jan Jansen,");
        notice.Text.ShouldContain("contact support");
        notice.Text.ShouldContain(PasswordResetFixture.SupportEmail);
        (await CanSignInAsync(_host, email, NewPassword)).ShouldBeTrue();
        (await CanSignInAsync(_host, email, OldPassword)).ShouldBeFalse();
    }

    [Fact]
    public async Task WrongCurrentPassword_Refused_AndCountsTowardLockout()
    {
        var email = $"guess@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);

        for (var attempt = 1; attempt < PasswordResetFixture.MaxFailedAttempts; attempt++)
        {
            var html = await PostAsync(browser, $"wrong guess {attempt}", NewPassword, NewPassword);
            html.ShouldContain($"""<p id="current-password-error" class="field-error">{AccountText.CurrentPasswordWrong}</p>""");
        }

        var locked = await PostAsync(browser, "wrong guess again", NewPassword, NewPassword);
        locked.ShouldContain(PageText.LockedOut);
        (await PostAsync(browser, OldPassword, NewPassword, NewPassword)).ShouldContain(PageText.LockedOut, customMessage: "locked: even the right password is refused");
        using var fresh = new BrowserClient(_host);
        using var signIn = await fresh.SubmitFormAsync("/account/login", Credentials(email, OldPassword));
        (await signIn.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.LockedOut, customMessage: "sign-in is locked too");
        (await Mailbox.ReadAsync(_host, email, Subject("Your password was changed"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusedNewPassword_ReadableErrors_AndNothingChanges()
    {
        var email = $"refused@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);

        (await PostAsync(browser, OldPassword, "too short", "too short")).ShouldContain("Use at least 15 characters; this password has 9.");
        (await PostAsync(browser, OldPassword, NewPassword, NewPassword + "!")).ShouldContain(PageText.PasswordsDiffer);
        (await PostAsync(browser, "", NewPassword, NewPassword)).ShouldContain(AccountText.CurrentPasswordRequired);

        (await SignedInAddressAsync(browser)).ShouldBe(email);
        (await CanSignInAsync(_host, email, OldPassword)).ShouldBeTrue("the password is unchanged");
    }

    [Fact]
    public async Task NotSignedIn_SentToSignIn_AndBackToTheForm()
    {
        using var browser = new BrowserClient(_host);

        using var response = await browser.GetAsync("/account/password");

        CodeFlow.Location(response).ShouldEndWith("/account/login?returnUrl=%2Faccount%2Fpassword");
    }

    private static async Task<string> PostAsync(BrowserClient browser, string current, string next, string confirm)
    {
        using var response = await browser.SubmitFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }
}
