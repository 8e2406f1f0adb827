using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Infrastructure.TestClients;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// RFC 8707 in the code and refresh grants: <c>resource</c> at the authorization request narrows the grant (§2.1), at
/// the token request the access token of that answer (§2.2); the refresh token keeps the whole grant.
/// </summary>
public sealed class ResourceIndicatorTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string Password = "a password for resource indicators";
    private const string ApiScopes = $"openid offline_access {AdminScope} {ReportsScope}";
    private readonly ProtocolClient _client = new(fixture.Host.CreateClient());

    [Fact]
    public async Task ResourceAtAuthorize_GrantsThatApiAlone_EveryAccessTokenIsForIt_AndAnotherApiIsInvalidTarget()
    {
        var (flow, callback) = await SignInAsync(flow => flow.AuthorizeUrl(ApiScopes, ("resource", AdminResource)));

        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        var refreshed = await RefreshAsync(refreshToken);
        var other = await RefreshAsync(refreshed.GetProperty("refresh_token").GetString()!, ReportsResource);

        Audiences(tokens).ShouldBe([AdminResource]);
        Scopes(tokens).ShouldBe([AdminScope], "only the admin API's scope: the reports scope and the provider's own are for other audiences");
        tokens.GetProperty("scope").GetString().ShouldBe(AdminScope);
        new JsonWebToken(tokens.GetProperty("id_token").GetString()).Audiences.ShouldBe([PortalId], "the ID token is for the client, as before");
        Audiences(refreshed).ShouldBe([AdminResource], "the refresh token carries the narrowed grant");
        other.GetProperty("error").GetString().ShouldBe("invalid_target", "the reports API was asked for in scope but not named as a resource");
        (await _client.UserInfoStatusAsync(tokens.GetProperty("access_token").GetString()!))
            .ShouldBe(HttpStatusCode.Unauthorized, "a grant narrowed to an API no longer names this provider's userinfo");
    }

    [Fact]
    public async Task TwoResourcesAtAuthorize_GrantBothAndNothingElse()
    {
        var (flow, callback) = await SignInAsync(flow =>
            flow.AuthorizeUrl($"{ApiScopes} helpdesk.api") + $"&resource={Uri.EscapeDataString(AdminResource)}&resource={Uri.EscapeDataString(ReportsResource)}");

        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));

        Audiences(tokens).ShouldBe([AdminResource, ReportsResource], ignoreOrder: true);
    }

    [Fact]
    public async Task ResourceAtTheTokenEndpoint_NarrowsThatAccessToken_AndTheRefreshTokenStillGetsTheOtherApi()
    {
        var (flow, callback) = await SignInAsync(flow => flow.AuthorizeUrl(ApiScopes));

        var forAdmin = await RedeemAsync(flow, callback["code"], AdminResource);
        var forReports = await RefreshAsync(forAdmin.GetProperty("refresh_token").GetString()!, ReportsResource);
        var forAll = await RefreshAsync(forReports.GetProperty("refresh_token").GetString()!);

        Audiences(forAdmin).ShouldBe([AdminResource]);
        Scopes(forAdmin).ShouldBe([AdminScope]);
        forAdmin.GetProperty("scope").GetString().ShouldBe(AdminScope, "the answer's scope is the access token's");
        Audiences(forReports).ShouldBe([ReportsResource]);
        Scopes(forReports).ShouldBe([ReportsScope]);
        Audiences(forAll).ShouldBe([AdminResource, ReportsResource, IdentityHost.Issuer], ignoreOrder: true);
        Scopes(forAll).ShouldBe(ApiScopes.Split(' '), ignoreOrder: true, "without resource, the whole grant as before");
        (await _client.UserInfoStatusAsync(forAdmin.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.UserInfoStatusAsync(forAll.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenRequestForAResourceOutsideTheGrant_IsInvalidTarget_AndSpendsNothing()
    {
        var (flow, callback) = await SignInAsync(flow => flow.AuthorizeUrl($"openid offline_access {AdminScope}"));

        var codeForReports = await _client.PostFormAsync("/connect/token", RedeemForm(flow, callback["code"], ReportsResource));
        var tokens = await RedeemAsync(flow, callback["code"], resource: null);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        var refreshForReports = await _client.PostFormAsync("/connect/token", RefreshForm(refreshToken, ReportsResource));
        var refreshForUnknown = await _client.PostFormAsync("/connect/token", RefreshForm(refreshToken, "https://elsewhere.example/api"));
        var refreshed = await RefreshAsync(refreshToken);

        foreach (var refused in new[] { codeForReports, refreshForReports, refreshForUnknown })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ProtocolClient.JsonAsync(refused)).GetProperty("error").GetString().ShouldBe("invalid_target");
        }

        Audiences(tokens).ShouldBe([AdminResource, IdentityHost.Issuer], ignoreOrder: true, "without resource: every audience of the granted scopes, as before");
        Audiences(refreshed).ShouldBe([AdminResource, IdentityHost.Issuer], ignoreOrder: true, "the refused requests spent neither the code nor the refresh token");
    }

    [Theory]
    [InlineData("", "empty: it used to pass as no resource and get every audience")]
    [InlineData("not-a-uri", "not an absolute URI")]
    [InlineData("urn:helpdesk-identity:admin#part", "with a fragment")]
    public async Task MalformedResource_IsInvalidTarget_AtTheTokenEndpoint_AndSpendsNothing(string resource, string why)
    {
        var (flow, callback) = await SignInAsync(flow => flow.AuthorizeUrl($"openid offline_access {AdminScope}"));
        var refreshToken = (await RedeemAsync(flow, callback["code"], resource: null)).GetProperty("refresh_token").GetString()!;

        var refused = await _client.PostFormAsync("/connect/token", RefreshForm(refreshToken, resource));
        var refreshed = await RefreshAsync(refreshToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        (await ProtocolClient.JsonAsync(refused)).GetProperty("error").GetString().ShouldBe("invalid_target", why);
        refreshed.TryGetProperty("access_token", out _).ShouldBeTrue("the refused request spent nothing");
    }

    [Fact]
    public async Task CodeWithAWrongVerifier_IsInvalidGrant_WhateverResourceItNames_SoItCannotProbeWhatTheGrantCovers()
    {
        var (flow, callback) = await SignInAsync(flow => flow.AuthorizeUrl($"openid offline_access {AdminScope}"));
        var probe = RedeemForm(flow, callback["code"], ReportsResource); // the client may have the reports API; this grant does not
        probe["code_verifier"] = new string('x', 43);

        var probed = await _client.PostFormAsync("/connect/token", probe);
        var redeemed = await _client.PostFormAsync("/connect/token", RedeemForm(flow, callback["code"], ReportsResource));

        probed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(probed)).GetProperty("error").GetString().ShouldBe("invalid_grant", "the verifier is checked before the grant's resources");
        (await ProtocolClient.JsonAsync(redeemed)).GetProperty("error").GetString().ShouldBe("invalid_target", "the code's own client, with its verifier, learns it");
    }

    [Theory]
    [InlineData(ReportsResource, "named, but its scope was not asked for")]
    [InlineData("https://elsewhere.example/api", "no API's audience")]
    public async Task ResourceAtAuthorize_OutsideTheAskedScopes_GoesBackToTheClientAsInvalidTarget(string resource, string why)
    {
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl($"openid {AdminScope}", ("resource", resource))));

        callback["error"].ShouldBe("invalid_target", why);
        callback["state"].ShouldBe(flow.State);
        callback["iss"].ShouldBe(IdentityHost.Issuer);
    }

    [Fact]
    public async Task PushedRequest_WithAResource_NarrowsTheGrant_AndOneOutsideItsScopesIsRefusedAtThePush()
    {
        var email = $"lee@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        var outside = PushedRequests.Parameters(flow, PortalId);
        outside["scope"] = $"openid {AdminScope}";
        outside["resource"] = ReportsResource;

        var refused = await _client.PostFormAsync("/connect/par", outside);
        var url = await PushedRequests.PushAsync(_client, flow, PortalId, ("scope", ApiScopes), ("resource", ReportsResource));
        var callback = await flow.RunAsync(email, Password, url);
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, callback["code"]));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(refused)).GetProperty("error").GetString().ShouldBe("invalid_target");
        Audiences(tokens).ShouldBe([ReportsResource]);
    }

    private async Task<(CodeFlow Flow, Dictionary<string, string> Callback)> SignInAsync(Func<CodeFlow, string> authorizeUrl)
    {
        var email = $"kim@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, Password, authorizeUrl(flow));
        callback.ShouldContainKey("code");
        return (flow, callback);
    }

    private async Task<System.Text.Json.JsonElement> RedeemAsync(CodeFlow flow, string code, string? resource)
    {
        var response = await _client.PostFormAsync("/connect/token", RedeemForm(flow, code, resource));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await ProtocolClient.JsonAsync(response);
    }

    /// <summary>A refresh; its answer, refused or not (an error has <c>error</c>, a success <c>access_token</c>).</summary>
    private async Task<System.Text.Json.JsonElement> RefreshAsync(string refreshToken, string? resource = null) =>
        await ProtocolClient.JsonAsync(await _client.PostFormAsync("/connect/token", RefreshForm(refreshToken, resource)));

    private static Dictionary<string, string> RedeemForm(CodeFlow flow, string code, string? resource) => WithResource(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = PortalRedirectUri,
        ["code_verifier"] = flow.Verifier,
        ["client_id"] = PortalId,
    }, resource);

    private static Dictionary<string, string> RefreshForm(string refreshToken, string? resource) => WithResource(new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
        ["client_id"] = PortalId,
    }, resource);

    private static Dictionary<string, string> WithResource(Dictionary<string, string> form, string? resource)
    {
        if (resource is not null)
        {
            form["resource"] = resource;
        }

        return form;
    }

    private static IEnumerable<string> Audiences(System.Text.Json.JsonElement tokens) =>
        new JsonWebToken(tokens.GetProperty("access_token").GetString()).Audiences;

    private static string[] Scopes(System.Text.Json.JsonElement tokens) =>
        new JsonWebToken(tokens.GetProperty("access_token").GetString()).GetClaim("scope").Value.Split(' ');
}
