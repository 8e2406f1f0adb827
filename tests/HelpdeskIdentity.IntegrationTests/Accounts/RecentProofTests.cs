using System.Net;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Accounts.Passkeys;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>
/// Changing how an account signs in needs a recent proof of who the person is, not only a session (docs/decisions/0056):
/// a session whose sign-in is older than <c>Accounts:ReauthenticateAfter</c> is sent to "confirm it's you" by every
/// page and post that turns the second factor on or off, makes recovery codes, adds or removes a passkey — and nothing
/// changes in the database until the password is typed again or the person signs in again.
/// </summary>
public sealed class RecentProofTests(RecentProofFixture fixture) : IClassFixture<RecentProofFixture>
{
    private static readonly string ConfirmTwoFactor = PagePaths.ConfirmAccess + "?returnUrl=%2Faccount%2Ftwo-factor";
    private static readonly string ConfirmPasskeys = PagePaths.ConfirmAccess + "?returnUrl=%2Faccount%2Fpasskeys";
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoFactor_AnAgedSession_CannotTurnItOnMakeCodesOrTurnItOff_UntilThePasswordIsTypedAgain()
    {
        var email = $"aged-totp@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var browser = await SelfServiceFixture.SignedInAsync(_host, email, TwoFactorSteps.Password);
        var key = TwoFactorSteps.Key(await browser.GetPageAsync(PagePaths.TwoFactor));
        fixture.LetTheProofAge();

        CodeFlow.Location(await browser.GetAsync(PagePaths.TwoFactor)).ShouldBe(ConfirmTwoFactor, "the page (and its key) asks for the proof");
        (await PostTwoFactorAsync(browser, "enable", Totp.Code(key))).ShouldBe(ConfirmTwoFactor);
        (await AccountAsync(email)).TwoFactorEnabled.ShouldBeFalse("the app's code alone did not turn it on");

        var wrong = WebUtility.HtmlDecode(await ReadAsync(await browser.SubmitFormAsync(ConfirmTwoFactor,
            new Dictionary<string, string> { ["Input.CurrentPassword"] = "not the password at all" })));
        wrong.ShouldContain(AccountText.CurrentPasswordWrong);
        (await AccountAsync(email)).AccessFailedCount.ShouldBe(1, "a wrong password counts toward lockout, as at sign-in");
        (await ConfirmAsync(browser, ConfirmTwoFactor)).ShouldBe(PagePaths.TwoFactor);
        var codes = await TwoFactorSteps.EnableAsync(browser, key);
        (await AccountAsync(email)).TwoFactorEnabled.ShouldBeTrue();

        fixture.LetTheProofAge(); // the confirmation ages like a sign-in
        var before = await SecretsAsync(email);
        (await PostTwoFactorAsync(browser, "recoverycodes", Totp.Code(key))).ShouldBe(ConfirmTwoFactor);
        (await PostTwoFactorAsync(browser, "disable", codes[0])).ShouldBe(ConfirmTwoFactor);
        (await SecretsAsync(email)).ShouldBe(before, "no new recovery codes, the factor still on, the key and stamp unchanged");
        (await AccountAsync(email)).TwoFactorEnabled.ShouldBeTrue();

        // With the app on, the password alone is one factor of two: the confirmation asks for the app's code too.
        var passwordOnly = WebUtility.HtmlDecode(await ReadAsync(await browser.SubmitFormAsync(ConfirmTwoFactor,
            new Dictionary<string, string> { ["Input.CurrentPassword"] = TwoFactorSteps.Password })));
        passwordOnly.ShouldContain(Api.Accounts.TwoFactor.TwoFactorText.CodeRequired);
        passwordOnly.ShouldContain("id=\"confirm-code\"");
        var wrongCode = WebUtility.HtmlDecode(await ReadAsync(await browser.SubmitFormAsync(ConfirmTwoFactor,
            new Dictionary<string, string> { ["Input.CurrentPassword"] = TwoFactorSteps.Password, ["Code"] = Totp.Code(key) == "000000" ? "000001" : "000000" })));
        wrongCode.ShouldContain(Api.Accounts.TwoFactor.TwoFactorText.CodeWrong);
        (await AccountAsync(email)).SecondFactorFailedCount.ShouldBe(1, "a wrong code counts toward the second factor's lockout");
        CodeFlow.Location(await browser.GetAsync(PagePaths.TwoFactor)).ShouldBe(ConfirmTwoFactor, "neither confirmed anything");
        using (var confirmed = await browser.SubmitFormAsync(ConfirmTwoFactor,
            new Dictionary<string, string> { ["Input.CurrentPassword"] = TwoFactorSteps.Password, ["Code"] = await Totp.NextCodeAsync(key) }))
        {
            CodeFlow.Location(confirmed).ShouldBe(PagePaths.TwoFactor);
        }

        (await PostTwoFactorAsync(browser, "disable", codes[0])).ShouldBeNull("confirmed: the page answers itself");
        (await AccountAsync(email)).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Passkeys_AnAgedSession_CannotAddOrRemove_MayRename_AnAccountWithoutPasswordSignsInAgain()
    {
        var email = $"aged-passkey@{Senders.UniqueDomain()}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));
        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync(email) == 1, "intake created the unclaimed account");
        using var browser = new BrowserClient(_host);
        using var first = SoftwareAuthenticator.ForTestHost();
        (await PasskeySteps.ClaimAsync(browser, await SelfServiceFixture.SetPasswordLinkAsync(_host, email), first)).ShouldBe("/");
        using var second = SoftwareAuthenticator.ForTestHost();
        (await PasskeySteps.AddAsync(browser, second, "Phone")).ShouldBe(PasskeysModel.Path + "?done=added");
        using var third = SoftwareAuthenticator.ForTestHost();
        var (_, options) = await PasskeySteps.OptionsAsync(browser, PasskeysModel.Path, PasskeysModel.Path + "?handler=options");
        var accountId = (await AccountAsync(email)).Id;
        var phone = (await PasskeysAsync(accountId)).Single(p => p.Name == "Phone").Id;
        var before = (await PasskeysAsync(accountId)).Select(p => p.Id).Order().ToList();
        fixture.LetTheProofAge(); // the ceremony just begun is still alive (5 minutes); the sign-in is no longer recent

        CodeFlow.Location(await browser.GetAsync(PasskeysModel.Path)).ShouldBe(ConfirmPasskeys);
        (await PostFormAsync(browser, PasskeysModel.Path + "?handler=add", new() { ["Credential"] = third.Create(options), ["Name"] = "Thief" }))
            .ShouldBe(ConfirmPasskeys);
        (await PostFormAsync(browser, PasskeysModel.Path + "?handler=options", [])).ShouldBe(ConfirmPasskeys, "no new ceremony either");
        (await PostFormAsync(browser, PasskeysModel.Path + "?handler=remove", new() { ["Id"] = phone.ToString() })).ShouldBe(ConfirmPasskeys);
        (await PasskeysAsync(accountId)).Select(p => p.Id).Order().ToList().ShouldBe(before, "nothing added, nothing removed");
        (await PostFormAsync(browser, PasskeysModel.Path + "?handler=rename", new() { ["Id"] = phone.ToString(), ["Name"] = "Old phone" }))
            .ShouldBe(PasskeysModel.Path + "?done=renamed", "a name is a label, not a way in");

        var confirm = WebUtility.HtmlDecode(await browser.GetPageAsync(ConfirmPasskeys));
        confirm.ShouldContain(AccountText.ConfirmAccessWithoutPasswordLead);
        confirm.ShouldNotContain("id=\"current-password\"", Case.Sensitive, "an account without a password has none to type");
        confirm.ShouldContain($"href=\"/account/login?returnUrl=%2Faccount%2Fpasskeys&login_hint={email}\"");
        (await PasskeySteps.SignInAsync(browser, first.Get(await PasskeySteps.SignInOptionsAsync(browser)), PasskeysModel.Path)).ShouldBe(PasskeysModel.Path);
        (await PostFormAsync(browser, PasskeysModel.Path + "?handler=remove", new() { ["Id"] = phone.ToString() })).ShouldBe(PasskeysModel.Path + "?done=removed");
        (await PasskeySteps.AddAsync(browser, third, "Laptop")).ShouldBe(PasskeysModel.Path + "?done=added");
        (await PasskeysAsync(accountId)).Select(p => p.Name).ShouldNotContain("Old phone");
        (await PasskeysAsync(accountId)).Select(p => p.Name).ShouldContain("Laptop");
    }

    /// <summary>Types the password on the confirm-access page; returns where the browser is sent.</summary>
    private static async Task<string> ConfirmAsync(BrowserClient browser, string confirmUrl)
    {
        using var response = await browser.SubmitFormAsync(confirmUrl, new Dictionary<string, string> { ["Input.CurrentPassword"] = TwoFactorSteps.Password });
        return CodeFlow.Location(response);
    }

    /// <summary>Posts a two-factor form with a code; returns where the browser is sent, or null when the page answered itself.</summary>
    private static Task<string?> PostTwoFactorAsync(BrowserClient browser, string handler, string code) =>
        PostFormAsync(browser, $"{PagePaths.TwoFactor}?handler={handler}", new() { ["Code"] = code });

    private static async Task<string?> PostFormAsync(BrowserClient browser, string url, Dictionary<string, string> fields)
    {
        var token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync("/"));
        using var response = await browser.PostAsync(url, [new("__RequestVerificationToken", token), .. fields]);
        return response.StatusCode == HttpStatusCode.OK ? null : CodeFlow.Location(response);
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadAsStringAsync(Cancellation);
        }
    }

    private Task<Api.Accounts.Account> AccountAsync(string email) =>
        _host.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email, Cancellation));

    /// <summary>The account's stamp and its stored authenticator key and recovery codes (encrypted and hashed as they are).</summary>
    private Task<List<string>> SecretsAsync(string email) =>
        _host.QueryAsync(async db =>
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email, Cancellation);
            var tokens = await db.UserTokens.Where(t => t.UserId == account.Id).OrderBy(t => t.Name).Select(t => t.Name + "=" + t.Value).ToListAsync(Cancellation);
            return (List<string>)[$"stamp={account.SecurityStamp}", .. tokens];
        });

    private Task<List<PasskeyRecord>> PasskeysAsync(Guid accountId) =>
        _host.QueryAsync(db => db.Set<PasskeyRecord>().AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(Cancellation));
}
