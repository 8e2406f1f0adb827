using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Accounts.Passkeys;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Sessions;

/// <summary>
/// After the person's own security change, "your sessions" lists only the sessions that still work (decision 0054):
/// the laptop (browser A) makes the change, the phone (browser B) was signed in too; afterwards the laptop lists
/// itself alone and stays signed in, the phone's row is revoked with the change and the phone is signed out.
/// </summary>
public sealed partial class OwnChangeSessionsTests(SelfServiceFixture fixture) : IClassFixture<SelfServiceFixture>
{
    private const string Firefox = ServerSessionTests.Firefox;
    private const string IPhone = ServerSessionTests.IPhone;
    private const string Laptop = "Firefox on Windows";
    private const string Phone = "Safari on iOS";
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordChange_ListsOnlyThisSession_TheOtherIsRevoked()
    {
        var (accountId, email) = await AccountAsync("password");
        using var laptop = await SignedInAsync(Firefox, email);
        using var phone = await SignedInAsync(IPhone, email);

        await SessionStampTests.ChangePasswordAsync(laptop, OldPassword, NewPassword);

        await OnlyThisSessionLeftAsync(accountId, laptop, email, phone);
    }

    [Fact]
    public async Task AddressChange_ListsOnlyThisSession_TheOtherIsRevoked()
    {
        var (accountId, email) = await AccountAsync("address");
        var newEmail = $"moved@{Senders.UniqueDomain()}";
        using var laptop = await SignedInAsync(Firefox, email);
        using var phone = await SignedInAsync(IPhone, email);
        using (var asked = await laptop.SubmitFormAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = OldPassword,
        }))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var link = Mailbox.LinksTo((await Mailbox.WaitForAsync(_host, newEmail, Subject("Confirm your new e-mail address"))).Single(), "/account/confirm-email").Single();
        using (var confirmed = await laptop.SubmitFormAsync(link, new Dictionary<string, string>()))
        {
            (await confirmed.Content.ReadAsStringAsync(Cancellation)).ShouldContain(AccountText.EmailChangedTitle);
        }

        await OnlyThisSessionLeftAsync(accountId, laptop, newEmail, phone);
    }

    [Fact]
    public async Task ResetByLink_InASignedInBrowser_ListsOnlyItsNewSession_ItsOldOneAndTheOtherAreRevoked()
    {
        var (accountId, email) = await AccountAsync("reset-here");
        using var laptop = await SignedInAsync(Firefox, email);
        using var phone = await SignedInAsync(IPhone, email);

        await ResetAsync(laptop, await SetPasswordLinkAsync(_host, email));

        var rows = await OnlyThisSessionLeftAsync(accountId, laptop, email, phone);
        rows.Count(r => r.UserAgent == Laptop).ShouldBe(2, "the laptop's session before the reset, and the one the reset signed it in with");
        rows.Count(r => r.RevokedAt != null).ShouldBe(2, "the laptop's old session ended with the reset too");
    }

    [Fact]
    public async Task ResetByLink_InABrowserWithoutASession_EndsEverySession_AndListsOnlyItsNewOne()
    {
        var (accountId, email) = await AccountAsync("reset-elsewhere");
        using var phone = await SignedInAsync(IPhone, email);
        using var tablet = await SignedInAsync(IPhone, email);
        using var laptop = new BrowserClient(_host);
        laptop.Headers.UserAgent.ParseAdd(Firefox);

        await ResetAsync(laptop, await SetPasswordLinkAsync(_host, email));

        var rows = await OnlyThisSessionLeftAsync(accountId, laptop, email, phone);
        rows.Count(r => r.RevokedAt != null).ShouldBe(2, "every session from before the reset ended");
        (await SignedInAddressAsync(tablet)).ShouldBeNull();
    }

    [Theory]
    [InlineData("enable")]
    [InlineData("recoverycodes")]
    [InlineData("disable")]
    public async Task SecondFactorChange_ListsOnlyThisSession_TheOtherIsRevoked(string handler)
    {
        var (accountId, email) = await AccountAsync($"factor-{handler}");
        using var laptop = await SignedInAsync(Firefox, email);
        var key = TwoFactorSteps.Key(await laptop.GetPageAsync(PagePaths.TwoFactor)); // the first visit makes the key, renewing the stamp: the phone signs in after that
        if (handler != "enable")
        {
            await TwoFactorSteps.EnableAsync(laptop, key);
        }

        using var phone = new BrowserClient(_host);
        phone.Headers.UserAgent.ParseAdd(IPhone);
        var step = await TwoFactorSteps.PasswordAsync(phone, email, OldPassword);
        if (handler != "enable")
        {
            using var secondStep = await phone.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
            step = CodeFlow.Location(secondStep);
        }

        step.ShouldBe("/", "the phone signs in");
        var page = await laptop.GetPageAsync(PagePaths.TwoFactor);

        using (var changed = await laptop.PostAsync($"{PagePaths.TwoFactor}?handler={handler}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(page),
            ["Code"] = await Totp.NextCodeAsync(key),
        }))
        {
            var html = await changed.Content.ReadAsStringAsync(Cancellation);
            html.ShouldNotContain(TwoFactorText.CodeWrong);
            html.ShouldContain(handler == "disable" ? TwoFactorText.TurnedOffText : TwoFactorText.RecoveryCodesTitle);
        }

        await OnlyThisSessionLeftAsync(accountId, laptop, email, phone);
    }

    [Fact]
    public async Task PasskeyRemoval_ListsOnlyThisSession_TheOtherIsRevoked()
    {
        var (accountId, email) = await AccountAsync("passkey");
        using var laptop = await SignedInAsync(Firefox, email);
        using var authenticator = SoftwareAuthenticator.ForTestHost();
        (await PasskeySteps.AddAsync(laptop, authenticator, "Laptop key")).ShouldBe(PasskeysModel.Path + "?done=added");
        var passkeyId = (await _host.QueryAsync(db => db.Set<PasskeyRecord>().SingleAsync(p => p.AccountId == accountId, Cancellation))).Id;
        using var phone = await SignedInAsync(IPhone, email);

        (await PasskeySteps.PostAsync(laptop, PasskeysModel.Path, PasskeysModel.Path + "?handler=remove",
            new Dictionary<string, string> { ["Id"] = passkeyId.ToString() })).ShouldBe(PasskeysModel.Path + "?done=removed");

        await OnlyThisSessionLeftAsync(accountId, laptop, email, phone);
    }

    /// <summary>
    /// What the person sees after the change, and what the database holds: one live session, the laptop's, listed as
    /// this browser's and still signed in; the phone's row revoked by the change itself (read before the phone's next
    /// request), and the phone signed out. Returns the account's session rows.
    /// </summary>
    private async Task<List<SessionRecord>> OnlyThisSessionLeftAsync(Guid accountId, BrowserClient laptop, string email, BrowserClient phone)
    {
        var rows = await _host.QueryAsync(db => db.Sessions.AsNoTracking().Where(s => s.AccountId == accountId).ToListAsync(Cancellation));
        rows.Where(r => r.RevokedAt == null).ShouldHaveSingleItem("one session still works").UserAgent.ShouldBe(Laptop);
        rows.Where(r => r.UserAgent == Phone).ShouldNotBeEmpty();
        rows.Where(r => r.UserAgent == Phone).ShouldAllBe(r => r.RevokedAt != null, "the phone's session ended with the change");

        var home = await laptop.GetPageAsync("/");
        ListedSessions(home).ShouldBe(["current"], "\"your sessions\" lists this browser alone");
        home.ShouldContain($"<strong>{Laptop}</strong> ({AccountText.SessionThisBrowser})");
        home.ShouldNotContain(AccountText.SignOutOthersButton);
        (await SignedInAddressAsync(laptop)).ShouldBe(email, "the browser that made the change stays signed in");
        (await SignedInAddressAsync(phone)).ShouldBeNull("the other browser is signed out on its next request");
        return rows;
    }

    private async Task<(Guid Id, string Email)> AccountAsync(string name)
    {
        var email = $"{name}@{Senders.UniqueDomain()}";
        return ((await fixture.CreateAccountAsync(email, OldPassword)).Id, email);
    }

    private async Task<BrowserClient> SignedInAsync(string userAgent, string email)
    {
        var browser = new BrowserClient(_host);
        browser.Headers.UserAgent.ParseAdd(userAgent);
        using var response = await browser.SubmitFormAsync("/account/login", Credentials(email, OldPassword));
        CodeFlow.Location(response).ShouldBe("/");
        return browser;
    }

    private static async Task ResetAsync(BrowserClient browser, string link)
    {
        using var reset = await browser.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        CodeFlow.Location(reset).ShouldBe("/", "the browser that set the password is signed in");
    }

    private static string[] ListedSessions(string html) => [.. ListedSession().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""<li data-session="([a-z]+)">""")]
    private static partial Regex ListedSession();
}
