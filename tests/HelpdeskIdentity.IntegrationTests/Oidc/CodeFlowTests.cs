using System.Text;
using System.Security.Cryptography;
using System.Net;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

public sealed class CodeFlowTests(OidcFixture fixture, LocalServers servers) : IClassFixture<OidcFixture>
{
    private const string Password = "correct horse battery staple";
    private readonly ProtocolClient _client = new(fixture.Host.CreateClient());

    [Fact]
    public async Task CodeFlow_SignInThenRedeem_IssuesIdTokenAccessTokenAndRefreshToken()
    {
        var email = $"jan@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, Password, "Jan Jansen");
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var toLogin = await browser.GetAsync(flow.AuthorizeUrl(extra: ("login_hint", email)));
        var loginUrl = CodeFlow.Location(toLogin);
        loginUrl.ShouldStartWith("/account/login?");
        (await browser.GetPageAsync(loginUrl)).ShouldContain($"value=\"{email}\"", Case.Sensitive, "login_hint pre-fills the address");
        var callback = await flow.RunAsync(email, Password);

        callback["state"].ShouldBe(flow.State);
        callback["iss"].ShouldBe(IdentityHost.Issuer, "RFC 9207");
        var response = await flow.RedeemAsync(_client, callback["code"]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await ProtocolClient.JsonAsync(response);
        tokens.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        idToken.Issuer.ShouldBe(IdentityHost.Issuer);
        idToken.Audiences.ShouldBe([TestClients.PortalId]);
        idToken.Subject.ShouldBe(account.Id.ToString());
        idToken.GetClaim("nonce").Value.ShouldBe(flow.Nonce);
        // OIDC Core §3.1.3.6: base64url of the left half of SHA-256 of the access token's ASCII.
        idToken.GetClaim("at_hash").Value.ShouldBe(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)).AsSpan(0, 16).ToArray()));
        idToken.GetClaim("email").Value.ShouldBe(email);
        idToken.GetClaim("email_verified").Value.ShouldBe("true");
        idToken.GetClaim("name").Value.ShouldBe("Jan Jansen");
        idToken.GetClaim("sid").Value.ShouldNotBeNullOrEmpty();
        long.Parse(idToken.GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var access = new JsonWebToken(accessToken);
        access.Typ.ShouldBe("at+jwt");
        access.Subject.ShouldBe(account.Id.ToString());
        access.GetClaim("client_id").Value.ShouldBe(TestClients.PortalId);

        var userInfo = await UserInfoAsync(accessToken);
        userInfo.GetProperty("sub").GetString().ShouldBe(account.Id.ToString());
        userInfo.GetProperty("email").GetString().ShouldBe(email);
        userInfo.GetProperty("name").GetString().ShouldBe("Jan Jansen");
    }

    [Fact]
    public async Task OrganizationScope_ColleagueOfATicketSender_GetsTheOrganizationClaim()
    {
        var domain = Senders.UniqueDomain("acme");
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"first@{domain}"));
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync($"first@{domain}") == 1, "the ticket sender's account");
        var email = $"colleague@{domain}";
        var account = await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var callback = await flow.RunAsync(email, Password, flow.AuthorizeUrl("openid organization"));
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));

        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(tokens.GetProperty("id_token").GetString()!.Split('.')[1])).RootElement;
        var organization = payload.GetProperty("organization");
        organization.GetProperty("id").GetString().ShouldBe(account.OrganizationId.ToString());
        organization.GetProperty("domain").GetString().ShouldBe(domain);
        organization.GetProperty("name").GetString().ShouldBe(domain);
        payload.TryGetProperty("email", out _).ShouldBeFalse("the email scope was not asked for");
    }

    [Fact]
    public async Task ReusedCode_IsRefused_AndRevokesWhatItsFirstUseIssued()
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var first = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));

        var replay = await flow.RedeemAsync(_client, callback["code"]);

        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(replay)).GetProperty("error").GetString().ShouldBe("invalid_grant");
        (await _client.UserInfoStatusAsync(first.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(first.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("missing", "invalid_request")] // RFC 6749 §5.2: a required parameter is missing (OpenIddict)
    [InlineData("wrong", "invalid_grant")]
    [InlineData("redirect", "invalid_grant")]
    public async Task Redeem_WithoutTheRightVerifierOrRedirect_IsInvalidGrant(string what, string error)
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var response = what switch
        {
            "missing" => await flow.RedeemAsync(_client, callback["code"], verifier: ""),
            "wrong" => await flow.RedeemAsync(_client, callback["code"], verifier: new CodeFlow(null!).Verifier),
            _ => await flow.RedeemAsync(_client, callback["code"], redirectUri: TestClients.PortalOrigin + "/other"),
        };

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe(error);
    }

    [Theory]
    [InlineData("code_challenge", null, "invalid_request")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("scope", "openid admin-everything", "invalid_scope")]
    [InlineData("prompt", "none login", "invalid_request")]
    [InlineData("request", "eyJhbGciOiJub25lIn0.e30.", "request_not_supported")]
    public async Task Authorize_BadParameter_ErrorGoesBackToTheClientWithStateAndIss(string name, string? value, string error)
    {
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + flow.AuthorizeUrl()).Query)
            .Where(p => p.Key != name).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        if (value is not null)
        {
            url[name] = value;
        }

        var callback = CodeFlow.Callback(await browser.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/connect/authorize", url)));

        callback["error"].ShouldBe(error);
        callback["state"].ShouldBe(flow.State);
        callback["iss"].ShouldBe(IdentityHost.Issuer);
        callback.ShouldNotContainKey("code");
    }

    [Theory]
    [InlineData(TestClients.PortalId, "https://evil.example/callback")]
    [InlineData(TestClients.PortalId, TestClients.PortalRedirectUri + "/../evil")]
    [InlineData(TestClients.PortalId, "")]
    [InlineData("unknown-client", TestClients.PortalRedirectUri)]
    public async Task Authorize_UnknownClientOrUnregisteredRedirect_ShowsAnErrorPageAndNeverRedirects(string clientId, string redirectUri)
    {
        using var browser = new BrowserClient(fixture.Host);

        var response = await browser.GetAsync($"/connect/authorize?client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}&response_type=code&scope=openid&code_challenge={new CodeFlow(browser).Challenge}&code_challenge_method=S256");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("cannot be handled");
    }

    [Fact]
    public async Task ConfidentialClient_VerifierWithoutChallenge_IsRefused()
    {
        var email = $"web@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        await flow.RunAsync(email, Password); // signs in
        var response = await browser.GetAsync($"/connect/authorize?client_id={TestClients.WebAppId}&redirect_uri={Uri.EscapeDataString(TestClients.WebAppRedirectUri)}&response_type=code&scope=openid");
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();

        var redeem = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = TestClients.WebAppRedirectUri,
            ["code_verifier"] = flow.Verifier,
        }, (TestClients.WebAppId, TestClients.WebAppSecret));

        (await ProtocolClient.JsonAsync(redeem)).GetProperty("error").GetString().ShouldBe("invalid_request", "a verifier with no challenge is a PKCE downgrade (OpenIddict: invalid_request)");
    }

    [Fact]
    public async Task PromptNone_WithoutSession_IsLoginRequired_AndWithSession_IssuesACodeSilently()
    {
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var silent = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl(extra: ("prompt", "none"))));
        silent["error"].ShouldBe("login_required");
        silent["state"].ShouldBe(flow.State);

        var email = $"silent@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        await flow.RunAsync(email, Password);
        var again = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl(extra: ("prompt", "none"))));
        again.ShouldContainKey("code");
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("922337203686")]
    public async Task MaxAgeBeyondWhatATimeSpanHolds_WithAFreshSession_IssuesACode_NotAServerError(string maxAge)
    {
        // max_age=9223372036854775807 answered 500: TimeSpan.FromSeconds overflowed. Any session is younger than that.
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        var email = $"max-age@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        await flow.RunAsync(email, Password);

        var again = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl(extra: ("max_age", maxAge))));

        again.ShouldContainKey("code");
    }

    [Theory]
    [InlineData("prompt", "login")]
    [InlineData("max_age", "0")]
    public async Task PromptLoginOrMaxAge_WithASession_SendsTheUserToSignInAgain(string name, string value)
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync($"code_flow_{name}"), TestClients.Settings()) { Clock = clock }.StartAsync();
        var email = $"user@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(host);
        var flow = new CodeFlow(browser);
        await flow.RunAsync(email, Password);
        clock.Advance(TimeSpan.FromSeconds(1)); // max_age=0: the session is now older than 0 s

        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: (name, value)));

        CodeFlow.Location(response).ShouldStartWith("/account/login?");
    }

    [Fact]
    public async Task Refresh_RotatesTheToken_AndReuseRevokesTheWholeFamily()
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var first = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));
        var original = first.GetProperty("refresh_token").GetString()!;

        var rotated = await RefreshAsync(original);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await ProtocolClient.JsonAsync(rotated);
        var successor = second.GetProperty("refresh_token").GetString()!;
        successor.ShouldNotBe(original);
        new JsonWebToken(second.GetProperty("id_token").GetString()).Audiences.ShouldBe([TestClients.PortalId]);

        var reuse = await RefreshAsync(original);
        (await ProtocolClient.JsonAsync(reuse)).GetProperty("error").GetString().ShouldBe("invalid_grant");
        (await RefreshAsync(successor)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "reuse revoked the family, successor included");
    }

    [Fact]
    public async Task Refresh_ByAnotherClient_IsRefused_AndLeavesTheTokenUsableByItsOwner()
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var refreshToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]))).GetProperty("refresh_token").GetString()!;

        var stolen = await _client.PostFormAsync("/connect/token", new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken },
            (TestClients.WebAppId, TestClients.WebAppSecret));

        (await ProtocolClient.JsonAsync(stolen)).GetProperty("error").GetString().ShouldBe("invalid_grant");
        (await RefreshAsync(refreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WithNarrowerScope_NarrowsThoseTokens_ButNotTheGrant()
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var refreshToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]))).GetProperty("refresh_token").GetString()!;

        var narrow = await ProtocolClient.JsonAsync(await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
            ["scope"] = "openid offline_access", // a narrower request that leaves out offline_access gets no new refresh token
        }));
        var full = await ProtocolClient.JsonAsync(await RefreshAsync(narrow.GetProperty("refresh_token").GetString()!));

        new JsonWebToken(narrow.GetProperty("access_token").GetString()).GetClaim("scope").Value.ShouldBe("openid offline_access");
        new JsonWebToken(full.GetProperty("access_token").GetString()).GetClaim("scope").Value.ShouldBe("openid profile email offline_access");
    }

    [Fact]
    public async Task EndSession_WithIdTokenHint_SignsOutRevokesRefreshTokensAndReturnsWithState()
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));
        var idToken = tokens.GetProperty("id_token").GetString()!;

        var logout = await flow.Browser.GetAsync($"/connect/endsession?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(TestClients.PortalOrigin + "/")}&state=bye");

        CodeFlow.Location(logout).ShouldBe(TestClients.PortalOrigin + "/?state=bye");
        CodeFlow.Callback(await flow.Browser.GetAsync(flow.Flow.AuthorizeUrl(extra: ("prompt", "none"))))["error"].ShouldBe("login_required");
        (await RefreshAsync(tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("tampered", TestClients.PortalOrigin + "/")]
    [InlineData("valid", "https://evil.example/")]
    public async Task EndSession_TamperedHintOrUnregisteredReturn_ShowsAnErrorAndKeepsTheSession(string hint, string postLogout)
    {
        var (flow, callback) = await SignedInCallbackAsync();
        var idToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]))).GetProperty("id_token").GetString()!;
        if (hint == "tampered")
        {
            var parts = idToken.Split('.');
            var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
            claims["sub"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString());
            idToken = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.{parts[2]}";
        }

        var logout = await flow.Browser.GetAsync($"/connect/endsession?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(postLogout)}");

        logout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        logout.Headers.Location.ShouldBeNull();
        CodeFlow.Callback(await flow.Browser.GetAsync(flow.Flow.AuthorizeUrl(extra: ("prompt", "none")))).ShouldContainKey("code");
    }

    [Fact]
    public async Task UserInfo_WithoutOrWithABadToken_IsA401BearerChallenge()
    {
        var clientToken = await _client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret);

        foreach (var token in new[] { null, "garbage", clientToken })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        }
    }

    private async Task<(SignedInFlow Flow, Dictionary<string, string> Callback)> SignedInCallbackAsync()
    {
        var email = $"user@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, Password);
        return (new SignedInFlow(browser, flow), callback);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
        });

    private async Task<JsonElement> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await ProtocolClient.JsonAsync(response);
    }

    private sealed record SignedInFlow(BrowserClient Browser, CodeFlow Flow)
    {
        public Task<HttpResponseMessage> RedeemAsync(ProtocolClient client, string code, string? verifier = null, string redirectUri = TestClients.PortalRedirectUri) =>
            Flow.RedeemAsync(client, code, verifier, redirectUri);
    }
}
