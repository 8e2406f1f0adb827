using System.Text.Json;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary><c>amr</c> and <c>acr</c> in ID tokens, and step-up with <c>acr_values</c> and <c>max_age</c> (issue 16, docs/decisions/0038).</summary>
public sealed class AuthenticationContextTests(PasswordResetFixture fixture, LocalServers servers) : IClassFixture<PasswordResetFixture>
{
    private const string SingleFactor = "urn:helpdesk-identity:acr:1fa";
    private const string MultiFactor = "urn:helpdesk-identity:acr:mfa";
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task Password_IdTokenSaysPwdAndSingleFactor()
    {
        var email = $"pwd@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);

        var idToken = await IdTokenAsync(_host, flow, (await flow.RunAsync(email, TwoFactorSteps.Password))["code"]);

        Amr(idToken).ShouldBe(["pwd"]);
        idToken.GetClaim("acr").Value.ShouldBe(SingleFactor);
    }

    [Fact]
    public async Task EmailedCode_IdTokenSaysOtp()
    {
        var email = $"otp@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);
        var login = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl()));
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + login).Query)["returnUrl"].ToString();
        var verifyUrl = await SignInCodeTests.RequestCodeAsync(browser, $"{PagePaths.SignInCode}?returnUrl={Uri.EscapeDataString(returnUrl)}", email);
        using var signedIn = await browser.SubmitFormAsync(verifyUrl,
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Code"] = await SignInCodeTests.CodeAsync(_host, email) });

        var callback = CodeFlow.Callback(await browser.GetAsync(CodeFlow.Location(signedIn)));

        var idToken = await IdTokenAsync(_host, flow, callback["code"]);
        Amr(idToken).ShouldBe(["otp"]);
        idToken.GetClaim("acr").Value.ShouldBe(SingleFactor);
    }

    [Fact]
    public async Task PasswordAndAuthenticatorCode_IdTokenSaysMfa()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "mfa");
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);

        var callback = await SignInWithCodeAsync(browser, flow, flow.AuthorizeUrl(), email, key);

        var idToken = await IdTokenAsync(_host, flow, callback["code"]);
        Amr(idToken).ShouldBe(["pwd", "otp", "mfa"]);
        idToken.GetClaim("acr").Value.ShouldBe(MultiFactor);
    }

    [Fact]
    public async Task AcrValuesAskingForMfa_SingleFactorSessionOfAnAccountWithASecondFactor_SignsInAgainWithTheCode_EvenInARememberedBrowser()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "stepup");
        using var browser = await RememberedSingleFactorSessionAsync(email, key);
        var plain = new CodeFlow(browser);
        var plainToken = await IdTokenAsync(_host, plain, CodeFlow.Callback(await browser.GetAsync(plain.AuthorizeUrl()))["code"]);
        plainToken.GetClaim("acr").Value.ShouldBe(SingleFactor, "without acr_values the session is used as it is");

        var flow = new CodeFlow(browser);
        var callback = await SignInWithCodeAsync(browser, flow, flow.AuthorizeUrl(extra: ("acr_values", MultiFactor)), email, key);

        var idToken = await IdTokenAsync(_host, flow, callback["code"]);
        idToken.GetClaim("acr").Value.ShouldBe(MultiFactor);
        Amr(idToken).ShouldContain("mfa");
    }

    /// <summary>The same step-up as above, pushed (RFC 9126 §4: a pushed request behaves like the request sent directly).</summary>
    [Fact]
    public async Task AcrValuesAskingForMfa_InAPushedRequest_RememberedBrowser_SignsInAgainWithTheCode_NoLoop()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "pushedstepup");
        using var browser = await RememberedSingleFactorSessionAsync(email, key);
        var flow = new CodeFlow(browser);
        var pushed = await PushedRequests.PushAsync(new ProtocolClient(_host.CreateClient()), flow, TestClients.PortalId, ("acr_values", MultiFactor));

        var callback = await SignInWithCodeAsync(browser, flow, pushed, email, key); // after the password: the second step, not authorize again

        var idToken = await IdTokenAsync(_host, flow, callback["code"]);
        idToken.GetClaim("acr").Value.ShouldBe(MultiFactor);
        Amr(idToken).ShouldContain("mfa");
    }

    [Fact]
    public async Task AcrValuesAskingForMfa_AccountWithoutASecondFactor_GetsTheCodeWithTheSingleFactorAcr_NoLoop()
    {
        var email = $"nosecond@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);

        var callback = await flow.RunAsync(email, TwoFactorSteps.Password, flow.AuthorizeUrl(extra: ("acr_values", MultiFactor)));

        (await IdTokenAsync(_host, flow, callback["code"])).GetClaim("acr").Value.ShouldBe(SingleFactor, "the client sees what it got");
    }

    [Fact]
    public async Task MaxAge_AnOlderSessionSignsInAgain_AndTheIdTokenHasTheNewAuthTime()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("max_age_step_up"),
            PasswordResetFixture.Configure(TestClients.Settings())) { Clock = clock }.StartAsync();
        var email = $"aged@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var browser = await SelfServiceFixture.SignedInAsync(host, email, TwoFactorSteps.Password);
        var signedInAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(10));
        var flow = new CodeFlow(browser);

        var login = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl(extra: ("max_age", "300"))));

        login.ShouldStartWith("/account/login?");
        var callback = await flow.RunAsync(email, TwoFactorSteps.Password, flow.AuthorizeUrl(extra: ("max_age", "300")));
        var authTime = (await IdTokenAsync(host, flow, callback["code"])).GetPayloadValue<long>("auth_time");
        authTime.ShouldBeGreaterThanOrEqualTo(clock.GetUtcNow().ToUnixTimeSeconds());
        authTime.ShouldBeGreaterThan(signedInAt.ToUnixTimeSeconds() + 300);
    }

    /// <summary>Issue 10, D1: <c>max_age=0</c> once looped between sign-in and authorize; signing in must satisfy it.</summary>
    [Fact]
    public async Task MaxAgeZero_IsSatisfiedBySigningIn_AndTheIdTokenSaysWhen()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("max_age_zero"),
            PasswordResetFixture.Configure(TestClients.Settings())) { Clock = clock }.StartAsync();
        var email = $"zero@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, TwoFactorSteps.Password);
        using var browser = await SelfServiceFixture.SignedInAsync(host, email, TwoFactorSteps.Password);
        clock.Advance(TimeSpan.FromSeconds(2)); // the session is now older than max_age=0 allows
        var flow = new CodeFlow(browser);

        var callback = await flow.RunAsync(email, TwoFactorSteps.Password, flow.AuthorizeUrl(extra: ("max_age", "0")));

        var authTime = (await IdTokenAsync(host, flow, callback["code"])).GetPayloadValue<long>("auth_time");
        authTime.ShouldBeGreaterThanOrEqualTo(clock.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>A browser remembered for the second step (the code given once), then signed in again with the password alone.</summary>
    private async Task<BrowserClient> RememberedSingleFactorSessionAsync(string email, string key)
    {
        var browser = new BrowserClient(_host);
        var step = await TwoFactorSteps.PasswordAsync(browser, email);
        using (var remembered = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key), ["RememberBrowser"] = "true" }))
        {
            CodeFlow.Location(remembered).ShouldBe("/");
        }

        (await TwoFactorSteps.PasswordAsync(browser, email)).ShouldBe("/", "a remembered browser: a session with the password alone");
        return browser;
    }

    /// <summary>Authorize, sign in with the password and the app's code, back to the portal; returns the callback's query.</summary>
    private static async Task<Dictionary<string, string>> SignInWithCodeAsync(BrowserClient browser, CodeFlow flow, string authorizeUrl, string email, string key)
    {
        var login = CodeFlow.Location(await browser.GetAsync(authorizeUrl));
        login.ShouldStartWith("/account/login?");
        using var password = await browser.SubmitFormAsync(login, SelfServiceFixture.Credentials(email, TwoFactorSteps.Password));
        var step = CodeFlow.Location(password);
        step.ShouldStartWith(PagePaths.SecondStep);
        using var code = await browser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = await Totp.NextCodeAsync(key) });
        return CodeFlow.Callback(await browser.GetAsync(CodeFlow.Location(code)));
    }

    private static async Task<JsonWebToken> IdTokenAsync(IdentityHost host, CodeFlow flow, string code)
    {
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(host.CreateClient()), code));
        return new JsonWebToken(tokens.GetProperty("id_token").GetString());
    }

    private static string[] Amr(JsonWebToken token) =>
        [.. JsonDocument.Parse(Base64UrlDecode(token.EncodedPayload)).RootElement.GetProperty("amr").EnumerateArray().Select(e => e.GetString()!)];

    private static string Base64UrlDecode(string value) => System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value));
}
