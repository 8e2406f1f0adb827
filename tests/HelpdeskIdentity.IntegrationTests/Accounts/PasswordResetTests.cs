using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>Forgot password → e-mailed link → set password (issue 4, docs/decisions/0012-password-reset.md).</summary>
public sealed partial class PasswordResetTests(PasswordResetFixture fixture, LocalServers servers) : IClassFixture<PasswordResetFixture>
{
    private const string SetPasswordSubject = $"[{PasswordResetFixture.ProductName}] Set your password";
    private const string ChangedSubject = $"[{PasswordResetFixture.ProductName}] Your password was changed";
    private const string OldPassword = "correct horse battery staple";
    private const string NewPassword = "a much longer new passphrase";
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnclaimedAccountFromATicket_ForgotPasswordDuringCodeFlow_SetsPasswordAndReturnsToThePortalVerified()
    {
        var email = $"jan@{Senders.UniqueDomain()}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"\"Jan Jansen\" <{email}>"));
        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync(email) == 1, "intake created the unclaimed account");
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);

        var loginUrl = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl(extra: ("login_hint", email))));
        loginUrl.ShouldStartWith("/account/login?");
        var forgotUrl = WebUtility.HtmlDecode(ForgotLink().Match(await browser.GetPageAsync(loginUrl)).Groups[1].Value);
        forgotUrl.ShouldStartWith("/account/forgot-password?returnUrl=%2Fconnect%2Fauthorize%3F");
        (await browser.GetPageAsync(forgotUrl)).ShouldContain($"value=\"{email}\"", Case.Sensitive, "login_hint pre-fills the address");
        using (var sent = await browser.SubmitFormAsync(forgotUrl, new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await sent.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.CheckMailboxText);
        }

        var mail = (await Mailbox.WaitForAsync(_host, email, SetPasswordSubject)).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain(PasswordResetFixture.SupportEmail);
        mail.Html.ShouldNotBeNull().ShouldContain("<a href=\"https://id.helpdesk.test/account/set-password?token=");
        var link = Mailbox.Links(mail).ShouldHaveSingleItem();

        var form = await browser.GetPageAsync(link);
        form.ShouldContain($"""<input id="email" type="email" value="{email}" autocomplete="username" readonly>""");
        form.ShouldContain("<li data-rule=\"minimum-length\" data-minimum=\"15\"");
        form.ShouldContain(">At least 15 characters.");
        form.ShouldContain(">Not a common password or one known from a data breach.<span class=\"rule-state visually-hidden\"></span></li>");

        using (var refused = await browser.SubmitFormAsync(link, Passwords("too short")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await refused.Content.ReadAsStringAsync(Cancellation);
            html.ShouldContain("Use at least 15 characters; this password has 9.");
            html.ShouldContain("id=\"new-password-error\"");
        }

        using var accepted = await browser.SubmitFormAsync(link, Passwords(NewPassword));
        var authorize = CodeFlow.Location(accepted);
        authorize.ShouldStartWith("/connect/authorize?");
        var callback = CodeFlow.Callback(await browser.GetAsync(authorize));
        callback["state"].ShouldBe(flow.State);
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(_host.CreateClient()), callback["code"]));
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        idToken.GetClaim("email").Value.ShouldBe(email);
        idToken.GetClaim("email_verified").Value.ShouldBe("true");
    }

    [Fact]
    public async Task UnknownAddress_SameAnswerAsAKnownOne_AndANoAccountEmail()
    {
        var known = $"known@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(known, OldPassword);
        var unknown = $"nobody@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(_host);

        var knownBody = await RequestAsync(browser, known);
        var unknownBody = await RequestAsync(browser, unknown);

        WithoutAntiforgery(unknownBody).ShouldBe(WithoutAntiforgery(knownBody));
        knownBody.ShouldNotContain(known);
        var mail = (await Mailbox.WaitForAsync(_host, unknown, SetPasswordSubject)).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain("No portal account uses this address.");
        mail.Text.ShouldContain("the address you e-mailed the helpdesk from");
        mail.Text.ShouldContain(PasswordResetFixture.SupportEmail);
        Mailbox.Links(mail).ShouldBeEmpty();
        Mailbox.Links((await Mailbox.WaitForAsync(_host, known, SetPasswordSubject)).ShouldHaveSingleItem()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task UsedLink_RefusedWithTheClearPage()
    {
        var email = $"reuse@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(_host);
        using var second = new BrowserClient(_host);
        var link = await LinkAsync(browser, email);
        var secondForm = await second.GetPageAsync(link); // another tab, opened before the link was used
        using (var accepted = await browser.SubmitFormAsync(link, Passwords(NewPassword)))
        {
            CodeFlow.Location(accepted).ShouldBe("/");
        }

        await ShouldBeRefusedAsync(browser, link);
        using var replayed = await second.PostAsync("/account/set-password", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(secondForm),
            ["token"] = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..],
            ["Input.NewPassword"] = "yet another long passphrase",
            ["Input.ConfirmPassword"] = "yet another long passphrase",
        });
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replayed.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.LinkInvalidTitle);
    }

    [Fact]
    public async Task TamperedLink_RefusedWithTheClearPage()
    {
        var email = $"tamper@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(_host);
        var link = await LinkAsync(browser, email);

        var last = link[^1];
        await ShouldBeRefusedAsync(browser, link[..^1] + (last == 'A' ? 'B' : 'A'));
        await ShouldBeRefusedAsync(browser, link + "A");
        await ShouldBeRefusedAsync(browser, "/account/set-password");
        (await browser.GetPageAsync(link)).ShouldContain(email, customMessage: "the untouched link still works");
    }

    [Fact]
    public async Task OlderLink_VoidedByANewerOne()
    {
        var email = $"twice@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(_host);
        var first = await LinkAsync(browser, email);

        await RequestAsync(browser, email);
        var second = (await Mailbox.WaitForAsync(_host, email, SetPasswordSubject, 2)).SelectMany(Mailbox.Links).Single(l => l != first);

        await ShouldBeRefusedAsync(browser, first);
        (await browser.GetPageAsync(second)).ShouldContain(email);
    }

    [Fact]
    public async Task ExpiredLink_RefusedWithTheClearPage()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("reset_expiry"),
            PasswordResetFixture.Configure(new Dictionary<string, string?> { ["Accounts:PasswordReset:LinkLifetime"] = "00:30:00" }))
        { Clock = clock }.StartAsync();
        var email = $"late@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(host);
        await RequestAsync(browser, email);
        var link = Mailbox.Links((await Mailbox.WaitForAsync(host, email, SetPasswordSubject)).Single()).Single();
        (await browser.GetPageAsync(link)).ShouldContain(email);

        clock.Advance(TimeSpan.FromMinutes(31));

        await ShouldBeRefusedAsync(browser, link);
    }

    [Fact]
    public async Task SignInAfterResetOff_SaysDoneWithoutSigningIn()
    {
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("reset_no_sign_in"),
            PasswordResetFixture.Configure(new Dictionary<string, string?> { ["Accounts:PasswordReset:SignInAfterReset"] = "false" })).StartAsync();
        var email = $"quiet@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(host);
        await RequestAsync(browser, email, "/connect/authorize?client_id=portal");
        var link = Mailbox.Links((await Mailbox.WaitForAsync(host, email, SetPasswordSubject)).Single()).Single();

        using var accepted = await browser.SubmitFormAsync(link, Passwords(NewPassword));

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.PasswordSetTitle);
        BrowserClient.SetCookie(accepted, SessionCookie.CookieName).ShouldBeNull();
        using var signIn = await browser.SubmitFormAsync("/account/login", Credentials(email, NewPassword));
        CodeFlow.Location(signIn).ShouldBe("/");
    }

    [Fact]
    public async Task Reset_ClearsLockoutRevokesRefreshTokensAndSendsThePasswordChangedEmail()
    {
        var email = $"locked@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, OldPassword);
        var protocol = new ProtocolClient(_host.CreateClient());
        string refreshToken;
        using (var portal = new BrowserClient(_host))
        {
            var flow = new CodeFlow(portal);
            var callback = await flow.RunAsync(email, OldPassword);
            refreshToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(protocol, callback["code"]))).GetProperty("refresh_token").GetString()!;
        }

        using (var attacker = new BrowserClient(_host))
        {
            for (var attempt = 1; attempt <= PasswordResetFixture.MaxFailedAttempts; attempt++)
            {
                using var failed = await attacker.SubmitFormAsync("/account/login", Credentials(email, $"wrong {attempt}"));
            }
        }

        (await _host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.LockoutEnd).SingleAsync())).ShouldNotBeNull();
        using var browser = new BrowserClient(_host);

        using (var accepted = await browser.SubmitFormAsync(await LinkAsync(browser, email), Passwords(NewPassword)))
        {
            CodeFlow.Location(accepted).ShouldBe("/");
            BrowserClient.SetCookie(accepted, SessionCookie.CookieName).ShouldNotBeNull("signed in after the reset");
        }

        var after = await _host.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == account.Id));
        after.LockoutEnd.ShouldBeNull();
        after.AccessFailedCount.ShouldBe(0);
        after.EmailConfirmed.ShouldBeTrue();
        after.SecurityStamp.ShouldNotBe(account.SecurityStamp);
        using var refreshed = await protocol.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
        });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the reset revoked every refresh token");
        var changed = (await Mailbox.WaitForAsync(_host, email, ChangedSubject)).ShouldHaveSingleItem();
        changed.Text.ShouldNotBeNull().ShouldContain("contact support");
        using var fresh = new BrowserClient(_host);
        using var signIn = await fresh.SubmitFormAsync("/account/login", Credentials(email, NewPassword));
        CodeFlow.Location(signIn).ShouldBe("/");
    }

    [Theory]
    [InlineData("https://evil.example/connect/authorize?client_id=portal")]
    [InlineData("//evil.example/connect/authorize?client_id=portal")]
    [InlineData("/account/logout?x=1")]
    [InlineData("/connect/authorize")]
    public async Task ReturnUrlOutsideTheAuthorizeEndpoint_Ignored_LandsOnTheHomePage(string returnUrl)
    {
        var email = $"away@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(_host);
        var link = await LinkAsync(browser, email, returnUrl);

        using var accepted = await browser.SubmitFormAsync(link, Passwords(NewPassword));

        CodeFlow.Location(accepted).ShouldBe("/");
        (await _host.QueryAsync(db => db.PasswordResetTokens.Where(t => t.AccountId == account.Id).Select(t => t.ReturnUrl).SingleAsync())).ShouldBeNull();
    }

    private async Task<string> RequestAsync(BrowserClient browser, string email, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/account/forgot-password" : $"/account/forgot-password?returnUrl={Uri.EscapeDataString(returnUrl)}";
        using var response = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        body.ShouldContain(PageText.CheckMailboxTitle);
        return body;
    }

    private async Task<string> LinkAsync(BrowserClient browser, string email, string? returnUrl = null)
    {
        await RequestAsync(browser, email, returnUrl);
        return Mailbox.Links((await Mailbox.WaitForAsync(_host, email, SetPasswordSubject)).ShouldHaveSingleItem()).ShouldHaveSingleItem();
    }

    private static async Task ShouldBeRefusedAsync(BrowserClient browser, string link)
    {
        using var response = await browser.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, link);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        html.ShouldContain(PageText.LinkInvalidTitle);
        html.ShouldContain("href=\"/account/forgot-password\"");
        html.ShouldNotContain("name=\"Input.NewPassword\"");
    }

    private static Dictionary<string, string> Passwords(string password) => new()
    {
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static string WithoutAntiforgery(string html) => AntiforgeryValue().Replace(html, "");

    [GeneratedRegex("""<a href="(/account/forgot-password[^"]*)">""")]
    private static partial Regex ForgotLink();

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryValue();
}
