using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.Oidc.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// The defects an independent review found in the protocol (issue 10, D1–D9 and the logout hint);
/// each test failed on the code before the fix. Key rotation (D3) is in <see cref="KeyRotationTests"/>,
/// the announcement period (D10) in the start-up validation tests, max_age=0 (D1) on a movable clock in
/// AuthenticationContextTests.
/// </summary>
public sealed class ProtocolDefectTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string Password = "correct horse battery staple";
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly ProtocolClient _client = new(fixture.Host.CreateClient());

    [Fact]
    public async Task D2_RefreshAskingForAScopeNeverGranted_IsInvalidScope_AndTheTokenStillWorks()
    {
        var refreshToken = await RefreshTokenAsync();

        var refused = await RefreshAsync(refreshToken, scope: "openid organization");
        var retry = await RefreshAsync(refreshToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(refused)).GetProperty("error").GetString().ShouldBe("invalid_grant", "OpenIddict: the token does not grant that scope");
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, "the refused request spent nothing, so the retry is no reuse");
    }

    [Fact]
    public async Task D4_LogoutWithoutTheProviderCookie_RevokesTheHintsSessionRefreshTokens()
    {
        var (browser, flow, _) = await SignedInAsync();
        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));
        using var cookieless = new BrowserClient(fixture.Host);

        var logout = await cookieless.GetAsync($"/connect/endsession?id_token_hint={tokens.GetProperty("id_token").GetString()}");

        logout.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RefreshAsync(tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        browser.Dispose();
    }

    [Fact]
    public async Task Logout_WithAnIdTokenOfAnEndedGrant_IsRefused_AndTheBrowsersLaterSessionLives()
    {
        var (browser, flow, email) = await SignedInAsync();
        var first = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        var oldIdToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, first["code"]))).GetProperty("id_token").GetString();
        (await browser.GetAsync($"/connect/endsession?id_token_hint={oldIdToken}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var later = await flow.RunAsync(email, Password); // signed in again: a new session and grant
        var laterTokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, later["code"]));

        // The old ID token (from a history entry or a proxy log) is no longer a hint: its grant was revoked at logout.
        var replayed = await browser.GetAsync($"/connect/endsession?id_token_hint={oldIdToken}");

        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl(extra: ("prompt", "none")))).ShouldStartWith(TestClients.PortalRedirectUri + "?code=",
            Case.Sensitive, "the browser's later session still signs in silently");
        (await RefreshAsync(laterTokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.OK, "and its refresh token still works");
        browser.Dispose();
    }

    [Fact]
    public async Task Logout_AlsoSpendsTheSessionsCodesNotYetExchanged()
    {
        var (browser, flow, _) = await SignedInAsync();
        var first = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        var idToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, first["code"]))).GetProperty("id_token").GetString();
        var pending = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()))["code"];

        (await browser.GetAsync($"/connect/endsession?id_token_hint={idToken}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await flow.RedeemAsync(_client, pending);

        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a code minted before sign-out must not start a new refresh chain after it");
        (await ProtocolClient.JsonAsync(late)).GetProperty("error").GetString().ShouldBe("invalid_grant");
        browser.Dispose();
    }

    [Fact]
    public async Task D5_IntrospectionByAClientThatIsNeitherTheTokensClientNorItsAudience_IsInactive()
    {
        var token = await _client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret, "helpdesk.api");

        var byStranger = await _client.IntrospectAsync(token, TestClients.OtherBackendId, TestClients.OtherBackendSecret);
        var byOwner = await _client.IntrospectAsync(token, TestClients.BackendId, TestClients.BackendSecret);

        byStranger.GetProperty("active").GetBoolean().ShouldBeFalse();
        byStranger.TryGetProperty("client_id", out _).ShouldBeFalse("an inactive answer tells nothing");
        byOwner.GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("another client")]
    [InlineData("wrong verifier")]
    [InlineData("wrong redirect")]
    public async Task D6_ACodePresentedWithoutTheRightClientVerifierOrRedirect_IsNotSpent(string what)
    {
        var (browser, flow, _) = await SignedInAsync();
        var code = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()))["code"];

        var attempt = what switch
        {
            "another client" => await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = TestClients.WebAppRedirectUri,
            }, (TestClients.WebAppId, TestClients.WebAppSecret)),
            "wrong verifier" => await flow.RedeemAsync(_client, code, verifier: new CodeFlow(browser).Verifier),
            _ => await flow.RedeemAsync(_client, code, redirectUri: TestClients.PortalOrigin + "/other"),
        };
        var rightful = await flow.RedeemAsync(_client, code);

        (await ProtocolClient.JsonAsync(attempt)).GetProperty("error").GetString().ShouldBe("invalid_grant");
        rightful.StatusCode.ShouldBe(HttpStatusCode.OK, "the code was still unspent for its own client");
        var accessToken = (await ProtocolClient.JsonAsync(rightful)).GetProperty("access_token").GetString()!;
        (await _client.UserInfoStatusAsync(accessToken)).ShouldBe(HttpStatusCode.OK, "nothing was revoked either");
        browser.Dispose();
    }

    [Fact]
    public async Task SpentCode_PresentedByAnotherAuthenticatedClient_IsInvalidGrant_AndRevokesNothing()
    {
        var (browser, flow, _) = await SignedInAsync();
        var code = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()))["code"];
        var rightful = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, code));

        var replay = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = TestClients.WebAppRedirectUri,
        }, (TestClients.WebAppId, TestClients.WebAppSecret));

        (await ProtocolClient.JsonAsync(replay)).GetProperty("error").GetString().ShouldBe("invalid_grant");
        (await _client.UserInfoStatusAsync(rightful.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.OK,
            "a code issued to another client is not this client's to replay: nothing of its owner's is revoked");
        browser.Dispose();
    }

    [Fact]
    public async Task D7_ARepeatedAuthorizeParameter_IsInvalidRequest_ShownWhenItIsTheRedirectUri()
    {
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var repeatedScope = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl() + "&scope=openid"));
        var repeatedRedirect = await browser.GetAsync(flow.AuthorizeUrl() + "&redirect_uri=" + Uri.EscapeDataString(TestClients.PortalRedirectUri));

        repeatedScope["error"].ShouldBe("invalid_request");
        repeatedScope["error_description"].ShouldContain("'scope'");
        repeatedRedirect.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        repeatedRedirect.Headers.Location.ShouldBeNull("an ambiguous redirect_uri is never redirected to");
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task D8_CacheableMetadataWithoutAnOrigin_StillVariesOnOrigin(string path)
    {
        var response = await _client.Http.GetAsync(path, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        response.Headers.Vary.ShouldContain("Origin");
    }

    [Fact]
    public async Task D9_PromptConsent_IsAcceptedForAFirstPartyClient()
    {
        var (browser, flow, _) = await SignedInAsync();

        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl(extra: ("prompt", "consent"))));

        callback.ShouldContainKey("code");
        browser.Dispose();
    }

    [Fact]
    public async Task D9_InvalidClientWithoutBasicCredentials_StillCarriesAChallenge()
    {
        var response = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TestClients.BackendId,
            ["client_secret"] = "wrong",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe("invalid_client");
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty("RFC 7235 §3.1: a 401 carries a challenge");
    }

    [Fact]
    public async Task IdTokenHint_ThatIsAnAccessToken_IsRefused_AndTheSessionStays()
    {
        var (browser, flow, _) = await SignedInAsync();
        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        var accessToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]))).GetProperty("access_token").GetString();

        var logout = await browser.GetAsync($"/connect/endsession?id_token_hint={accessToken}");

        logout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl(extra: ("prompt", "none")))).ShouldContainKey("code");
        browser.Dispose();
    }

    [Fact]
    public async Task UserInfo_RefusesAnAccessTokenMintedForAnotherApisAudience()
    {
        var (browser, flow, _) = await SignedInAsync();
        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        var genuine = new JsonWebToken((await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]))).GetProperty("access_token").GetString());
        // Signed with the provider's own key, as a token it minted for another API (RFC 8707) would be.
        var signing = await fixture.Host.Services.GetRequiredService<SigningKeys>().GetAsync(Cancellation);
        var forAnotherApi = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = IdentityHost.Issuer,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = genuine.Subject,
                ["aud"] = "helpdesk-api",
                ["client_id"] = TestClients.PortalId,
                ["scope"] = "openid profile email",
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = signing.Signing,
        });

        genuine.Audiences.ShouldContain(IdentityHost.Issuer);
        (await _client.UserInfoStatusAsync(genuine.EncodedToken)).ShouldBe(HttpStatusCode.OK);
        (await _client.UserInfoStatusAsync(forAnotherApi)).ShouldBe(HttpStatusCode.Unauthorized);
        browser.Dispose();
    }

    private async Task<(BrowserClient Browser, CodeFlow Flow, string Email)> SignedInAsync()
    {
        var email = $"defect@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        await flow.RunAsync(email, Password);
        return (browser, flow, email);
    }

    private async Task<string> RefreshTokenAsync()
    {
        var (browser, flow, _) = await SignedInAsync();
        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        browser.Dispose();
        return (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]))).GetProperty("refresh_token").GetString()!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = TestClients.PortalId };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return _client.PostFormAsync("/connect/token", form);
    }
}
