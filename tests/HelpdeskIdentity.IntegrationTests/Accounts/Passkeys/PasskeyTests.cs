using System.Net;
using System.Text.Json;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Passkeys;

/// <summary>
/// Passkeys on the server (issue 16, docs/decisions/0039): claiming an account with one through the set-password link,
/// signing in with it, and the refusals — another challenge, a replayed assertion, another browser's ceremony, an
/// unknown credential, removing the last credential of an account without a password.
/// </summary>
public sealed class PasskeyTests(PasswordResetFixture fixture) : IClassFixture<PasswordResetFixture>
{
    private const string Failed = "/account/login?passkey=failed";
    private static readonly string ChangedSubject = SelfServiceFixture.Subject("Your sign-in methods changed");
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClaimWithAPasskey_FromTheForgotPasswordLink_SignedInVerifiedWithoutPassword_LinkSpent_OwnerToldAndAudited()
    {
        var email = await UnclaimedAccountAsync("claim");
        var link = await SelfServiceFixture.SetPasswordLinkAsync(_host, email);
        using var browser = new BrowserClient(_host);
        using var authenticator = SoftwareAuthenticator.ForTestHost();
        var page = await browser.GetPageAsync(link);
        page.ShouldContain(PasskeyText.ClaimButton, Case.Sensitive, "the set-password page offers a passkey next to the password");
        page.ShouldContain("id=\"new-password\"", Case.Sensitive, "and still the password");

        var landed = await PasskeySteps.ClaimAsync(browser, link, authenticator);

        landed.ShouldBe("/");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);
        var account = await _host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == email, Cancellation));
        account.EmailConfirmed.ShouldBeTrue("the link proved the mailbox");
        account.PasswordHash.ShouldBeNull("the passkey is the credential");
        var stored = (await PasskeysOfAsync(account.Id)).ShouldHaveSingleItem();
        stored.CredentialId.ShouldBe(authenticator.CredentialId);
        stored.Name.ShouldNotBeNullOrWhiteSpace();
        using (var spent = await browser.GetAsync(link))
        {
            spent.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the link is spent as setting a password spends it");
        }

        (await Mailbox.WaitForAsync(_host, email, ChangedSubject)).ShouldHaveSingleItem().Text.ShouldNotBeNull().ShouldContain("passkey");
        var events = await EventsAsync(account.Id);
        events.ShouldContain($"{AuditEventTypes.PasskeyAdded} {PasskeyAuditDetails.Claim}");
        events.ShouldContain($"{AuditEventTypes.PasswordResetCompleted} {PasskeyAuditDetails.Claim}");
    }

    [Fact]
    public async Task SignIn_WithThePasskeyInAFreshBrowser_ContinuesTheCodeFlow_IdTokenSaysHardwareKeyAndMfa_LastUseRecorded()
    {
        var (accountId, authenticator) = await ClaimedWithPasskeyAsync("signin");
        using var _ = authenticator;
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);
        var login = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl()));
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://x" + login).Query)["returnUrl"].ToString();

        var options = await PasskeySteps.SignInOptionsAsync(browser);
        JsonDocument.Parse(options).RootElement.GetProperty("allowCredentials").GetArrayLength().ShouldBe(0, "discoverable: no address asked first");
        var next = await PasskeySteps.SignInAsync(browser, authenticator.Get(options), returnUrl);

        next.ShouldBe(returnUrl);
        var callback = CodeFlow.Callback(await browser.GetAsync(next));
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(_host.CreateClient()), callback["code"]));
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Amr(idToken).ShouldBe(["hwk", "mfa"]);
        var stored = (await PasskeysOfAsync(accountId)).ShouldHaveSingleItem();
        stored.SignCount.ShouldBe(authenticator.Counter);
        stored.LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task SignIn_AnswerToAnotherChallenge_Refused()
    {
        var (_, authenticator) = await ClaimedWithPasskeyAsync("challenge");
        using var _ = authenticator;
        using var browser = new BrowserClient(_host);
        var options = await PasskeySteps.SignInOptionsAsync(browser);

        var next = await PasskeySteps.SignInAsync(browser, authenticator.Get(options, challenge: "c29tZSBvdGhlciBjaGFsbGVuZ2U"));

        next.ShouldBe(Failed);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        WebUtility.HtmlDecode(await browser.GetPageAsync(next)).ShouldContain(PasskeyText.SignInFailed);
    }

    [Fact]
    public async Task SignIn_ReplayedAssertion_RefusedInAnyBrowser()
    {
        var (_, authenticator) = await ClaimedWithPasskeyAsync("replay");
        using var _ = authenticator;
        using var first = new BrowserClient(_host);
        var answer = authenticator.Get(await PasskeySteps.SignInOptionsAsync(first));
        (await PasskeySteps.SignInAsync(first, answer)).ShouldBe("/");

        using var again = new BrowserClient(_host);
        await PasskeySteps.SignInOptionsAsync(again); // a ceremony of its own, with another challenge
        (await PasskeySteps.SignInAsync(again, answer)).ShouldBe(Failed, "an answer to a spent challenge");
        (await PasskeySteps.SignInAsync(first, answer)).ShouldBe(Failed, "the first browser's ceremony answered once");
        (await SelfServiceFixture.SignedInAddressAsync(again)).ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_AnsweringAnotherBrowsersCeremony_Refused()
    {
        var (_, authenticator) = await ClaimedWithPasskeyAsync("bound");
        using var _ = authenticator;
        using var victim = new BrowserClient(_host);
        using var attacker = new BrowserClient(_host);
        var victimOptions = await PasskeySteps.SignInOptionsAsync(victim);

        (await PasskeySteps.SignInAsync(attacker, authenticator.Get(victimOptions))).ShouldBe(Failed, "the challenge is bound to the browser that asked");

        (await SelfServiceFixture.SignedInAddressAsync(attacker)).ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_UnknownCredential_Refused_AndAudited()
    {
        using var stranger = SoftwareAuthenticator.ForTestHost();
        using var browser = new BrowserClient(_host);
        var before = await FailedPasskeySignInsAsync();

        (await PasskeySteps.SignInAsync(browser, stranger.Get(await PasskeySteps.SignInOptionsAsync(browser)))).ShouldBe(Failed);

        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        (await FailedPasskeySignInsAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task AccountPage_AddRenameRemove_NeverTheLastCredentialOfAnAccountWithoutPassword_RemovalRevokesRefreshTokens_OwnerToldEachTime()
    {
        var email = await UnclaimedAccountAsync("manage");
        using var browser = new BrowserClient(_host);
        using var first = SoftwareAuthenticator.ForTestHost();
        (await PasskeySteps.ClaimAsync(browser, await SelfServiceFixture.SetPasswordLinkAsync(_host, email), first)).ShouldBe("/");
        var accountId = (await _host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == email, Cancellation))).Id;
        var firstId = (await PasskeysOfAsync(accountId)).ShouldHaveSingleItem().Id;

        var refused = await PasskeySteps.PostForPageAsync(browser, PasskeysModel.Path, PasskeysModel.Path + "?handler=remove",
            new Dictionary<string, string> { ["Id"] = firstId.ToString() });
        refused.ShouldContain(PasskeyText.LastCredential);

        (await PasskeysOfAsync(accountId)).Count.ShouldBe(1, "the only credential stays");

        using var second = SoftwareAuthenticator.ForTestHost(backupEligible: true);
        (await PasskeySteps.AddAsync(browser, second, "Work laptop")).ShouldBe(PasskeysModel.Path + "?done=added");
        var listed = WebUtility.HtmlDecode(await browser.GetPageAsync(PasskeysModel.Path));
        listed.ShouldContain("Work laptop");
        listed.ShouldContain(PasskeyText.NeverUsed);
        var secondId = (await PasskeysOfAsync(accountId)).Single(p => p.Id != firstId).Id;

        (await PasskeySteps.PostAsync(browser, PasskeysModel.Path, PasskeysModel.Path + "?handler=rename",
            new Dictionary<string, string> { ["Id"] = secondId.ToString(), ["Name"] = "Home laptop" })).ShouldBe(PasskeysModel.Path + "?done=renamed");
        var flow = new CodeFlow(browser); // the portal, signed in through this browser's session just before the removal
        var callback = await flow.RunAsync(email, "not asked: the browser is signed in");
        var refreshToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(_host.CreateClient()), callback["code"])))
            .GetProperty("refresh_token").GetString().ShouldNotBeNull();
        (await PasskeySteps.PostAsync(browser, PasskeysModel.Path, PasskeysModel.Path + "?handler=remove",
            new Dictionary<string, string> { ["Id"] = firstId.ToString() })).ShouldBe(PasskeysModel.Path + "?done=removed");
        (await SelfServiceFixture.RefreshAsync(_host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest, "removing a passkey revokes the refresh tokens");

        (await PasskeysOfAsync(accountId)).ShouldHaveSingleItem().Name.ShouldBe("Home laptop");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email, "this browser stays signed in");
        var mails = await Mailbox.WaitForAsync(_host, email, ChangedSubject, count: 3); // claimed, added, removed
        mails.Count(m => m.Text!.Contains("Work laptop", StringComparison.Ordinal)).ShouldBe(1);
        var events = await EventsAsync(accountId);
        events.ShouldContain($"{AuditEventTypes.PasskeyAdded} {PasskeyAuditDetails.AccountPage}");
        events.ShouldContain($"{AuditEventTypes.PasskeyRemoved} ");
    }

    [Fact]
    public async Task ResetWithAPasskey_AccountWithASecondFactor_NeedsItsCode_AWrongOneLeavesTheLinkWorking()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "guarded");
        var link = await SelfServiceFixture.SetPasswordLinkAsync(_host, email);
        using var browser = new BrowserClient(_host);
        using var authenticator = SoftwareAuthenticator.ForTestHost();

        var refused = await PasskeySteps.ClaimAsync(browser, link, authenticator, secondFactorCode: Totp.Code(key) == "000000" ? "000001" : "000000");

        refused.ShouldBe($"{PasskeyClaimModel.Path.Replace("/passkey", "", StringComparison.Ordinal)}?token={PasskeySteps.Token(link)}&passkey=code");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        (await browser.GetPageAsync(link)).ShouldContain(PasskeyText.ClaimButton, Case.Sensitive, "the link still works");
        (await PasskeySteps.ClaimAsync(browser, link, authenticator, await Totp.NextCodeAsync(key))).ShouldBe("/");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);
    }

    [Fact]
    public async Task SignIn_PasskeyWithoutUserVerification_AccountWithASecondFactor_AsksForTheCode()
    {
        var email = $"presence@{Senders.UniqueDomain()}";
        await _host.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var authenticator = new SoftwareAuthenticator(IdentityHost.Issuer, new Uri(IdentityHost.Issuer).Host) { VerifiesUser = false };
        using (var owner = await SelfServiceFixture.SignedInAsync(_host, email, TwoFactorSteps.Password))
        {
            (await PasskeySteps.AddAsync(owner, authenticator)).ShouldBe(PasskeysModel.Path + "?done=added");
            await TwoFactorSteps.EnableAsync(owner, TwoFactorSteps.Key(await owner.GetPageAsync(HelpdeskIdentity.Api.Pages.PagePaths.TwoFactor)));
        }

        using var browser = new BrowserClient(_host);
        var next = await PasskeySteps.SignInAsync(browser, authenticator.Get(await PasskeySteps.SignInOptionsAsync(browser)));

        next.ShouldStartWith(HelpdeskIdentity.Api.Pages.PagePaths.SecondStep + "?returnUrl=");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull("a passkey without user verification is one factor");
    }

    [Fact]
    public async Task SignIn_AccountLockedOutByWrongPasswords_ThePasskeyStillSignsIn_ThePasswordStaysRefused()
    {
        var email = $"guessed@{Senders.UniqueDomain()}";
        await _host.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var authenticator = SoftwareAuthenticator.ForTestHost();
        using (var owner = await SelfServiceFixture.SignedInAsync(_host, email, TwoFactorSteps.Password))
        {
            (await PasskeySteps.AddAsync(owner, authenticator)).ShouldBe(PasskeysModel.Path + "?done=added");
        }

        using (var guesser = new BrowserClient(_host))
        {
            for (var attempt = 1; attempt <= PasswordResetFixture.MaxFailedAttempts; attempt++)
            {
                using var wrong = await guesser.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(email, $"guess {attempt}"));
            }
        }

        (await SelfServiceFixture.CanSignInAsync(_host, email, TwoFactorSteps.Password)).ShouldBeFalse("the guesses locked the password out");
        using var browser = new BrowserClient(_host);
        var next = await PasskeySteps.SignInAsync(browser, authenticator.Get(await PasskeySteps.SignInOptionsAsync(browser)));

        next.ShouldBe("/", "a passkey cannot be guessed: guessing the password does not shut its owner out");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);
        (await SelfServiceFixture.CanSignInAsync(_host, email, TwoFactorSteps.Password)).ShouldBeFalse("the lockout still guards the password");
    }

    [Fact]
    public async Task PersonalDataExport_ListsThePasskeys_WithoutTheirKeys()
    {
        var (accountId, authenticator) = await ClaimedWithPasskeyAsync("export");
        using var _ = authenticator;
        await using var scope = _host.Services.CreateAsyncScope();

        var document = await scope.ServiceProvider.GetRequiredService<Api.Admin.PersonalDataExport>().ExportAsync(accountId, Cancellation);

        document.ShouldNotBeNull();
        var exported = document.Passkeys.ShouldHaveSingleItem();
        exported.Name.ShouldBe((await PasskeysOfAsync(accountId)).Single().Name);
        System.Text.Json.JsonSerializer.Serialize(document).ShouldNotContain(Convert.ToBase64String((await PasskeysOfAsync(accountId)).Single().PublicKey));
    }

    [Fact]
    public async Task ClaimOptions_ForALinkThatDoesNotWork_NotFound()
    {
        using var browser = new BrowserClient(_host);

        var (status, _) = await PasskeySteps.OptionsAsync(browser, "/account/login", PasskeyClaimModel.Path + "?handler=options",
            new Dictionary<string, string> { ["token"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });

        status.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>An account made from a ticket: unclaimed, no password.</summary>
    private async Task<string> UnclaimedAccountAsync(string name)
    {
        var email = $"{name}@{Senders.UniqueDomain()}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));
        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync(email) == 1, "intake created the unclaimed account");
        return email;
    }

    private async Task<(Guid AccountId, SoftwareAuthenticator Authenticator)> ClaimedWithPasskeyAsync(string name)
    {
        var email = await UnclaimedAccountAsync(name);
        var authenticator = SoftwareAuthenticator.ForTestHost();
        using var browser = new BrowserClient(_host);
        (await PasskeySteps.ClaimAsync(browser, await SelfServiceFixture.SetPasswordLinkAsync(_host, email), authenticator)).ShouldBe("/");
        return ((await _host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == email, Cancellation))).Id, authenticator);
    }

    private Task<List<PasskeyRecord>> PasskeysOfAsync(Guid accountId) =>
        _host.QueryAsync(db => db.Set<PasskeyRecord>().Where(p => p.AccountId == accountId).OrderBy(p => p.CreatedAt).ToListAsync(Cancellation));

    private Task<List<string>> EventsAsync(Guid accountId) =>
        _host.QueryAsync(db => db.AuditEvents.Where(e => e.AccountId == accountId).Select(e => e.Type + " " + e.Detail).ToListAsync(Cancellation));

    private Task<int> FailedPasskeySignInsAsync() =>
        _host.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventTypes.SignInFailed && e.Detail == "passkey", Cancellation));

    private static string[] Amr(JsonWebToken token) => [.. token.GetPayloadValue<string[]>("amr")];
}
