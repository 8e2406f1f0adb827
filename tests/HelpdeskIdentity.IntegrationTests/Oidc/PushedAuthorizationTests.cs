using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>RFC 9126: the client pushes its authorization parameters, the browser carries only a request_uri.</summary>
public sealed class PushedAuthorizationTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string Password = "a password for pushed requests";
    private readonly ProtocolClient _client = new(fixture.Host.CreateClient());

    [Fact]
    public async Task PushedRequest_SignsInAndIssuesACode_AndMaxAgeZeroAsksOnceWithoutALoop()
    {
        var email = $"par@{Senders.UniqueDomain()}";
        await fixture.Host.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var first = await flow.RunAsync(email, Password, await PushAsync(flow, TestClients.PortalId));
        (await flow.RedeemAsync(_client, first["code"])).StatusCode.ShouldBe(HttpStatusCode.OK);

        var freshUrl = await PushAsync(flow, TestClients.PortalId, ("max_age", "0"));
        var asked = await browser.GetAsync(freshUrl);
        CodeFlow.Location(asked).ShouldStartWith("/account/login", Case.Sensitive, "max_age=0 asks to sign in again, pushed or not");
        var again = await flow.RunAsync(email, Password, freshUrl); // signs in, then lands on the callback: no second ask

        again["code"].ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ClientThatRequiresPushing_RefusesAPlainRequest_AndAcceptsAPushedOne()
    {
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);

        var plain = await browser.GetAsync(flow.AuthorizeUrl(scope: "openid").Replace($"client_id={TestClients.PortalId}&", $"client_id={TestClients.PushingPortalId}&", StringComparison.Ordinal));
        var pushed = await browser.GetAsync(await PushAsync(flow, TestClients.PushingPortalId));

        CodeFlow.Callback(plain)["error"].ShouldBe("invalid_request", "a plain request from this client goes back refused");
        CodeFlow.Location(pushed).ShouldStartWith("/account/login", Case.Sensitive, "the pushed one proceeds to sign-in");
    }

    [Fact]
    public async Task Push_ByAnUnknownClientOrWithAnUnregisteredRedirect_IsRefused()
    {
        var unknown = await _client.PostFormAsync("/connect/par", Parameters(new CodeFlow(new BrowserClient(fixture.Host)), "nobody"));
        var form = Parameters(new CodeFlow(new BrowserClient(fixture.Host)), TestClients.PortalId);
        form["redirect_uri"] = "https://evil.example/callback";
        var evil = await _client.PostFormAsync("/connect/par", form);

        unknown.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized);
        evil.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(evil)).GetProperty("error").GetString().ShouldBe("invalid_request");
    }

    [Theory]
    [InlineData("prompt", "login")]
    [InlineData("max_age", "0")]
    [InlineData("scope", "openid")]
    public async Task Push_WithARepeatedParameter_IsInvalidRequest_NotStoredWithTheValueDropped(string name, string value)
    {
        var form = Parameters(new CodeFlow(new BrowserClient(fixture.Host)), TestClients.PortalId);
        form[name] = value;
        var body = form.Select(p => KeyValuePair.Create(p.Key, p.Value)).Append(KeyValuePair.Create(name, value));

        using var pushed = await _client.Http.PostAsync("/connect/par", new FormUrlEncodedContent(body), TestContext.Current.CancellationToken);

        pushed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "RFC 6749 §3.1: a parameter must not be sent twice; stored, it reached authorize as null");
        (await ProtocolClient.JsonAsync(pushed)).GetProperty("error").GetString().ShouldBe("invalid_request");
    }

    [Fact]
    public async Task Push_OverSixtyFourKilobytes_Is413_NotAStoredRequest()
    {
        // Anyone may push for a public client, and every push is a stored row for an hour: a 900 KB state made
        // a 900 KB row per anonymous request. A pushed request carries what a front-channel one could.
        var flow = new CodeFlow(new BrowserClient(fixture.Host));
        var ordinary = Parameters(flow, TestClients.PortalId);
        ordinary["state"] = new string('s', 16 * 1024);
        var oversized = Parameters(flow, TestClients.PortalId);
        oversized["state"] = new string('s', 900 * 1024);

        using var accepted = await _client.Http.PostAsync("/connect/par", new FormUrlEncodedContent(ordinary), TestContext.Current.CancellationToken);
        using var refused = await _client.Http.PostAsync("/connect/par", new FormUrlEncodedContent(oversized), TestContext.Current.CancellationToken);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, "a 16 KB state is still a request a client may push");
        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var error = await ProtocolClient.JsonAsync(refused);
        error.GetProperty("error").GetString().ShouldBe("invalid_request");
        error.TryGetProperty("request_uri", out _).ShouldBeFalse("nothing was stored");
    }

    private Task<string> PushAsync(CodeFlow flow, string clientId, params (string Key, string Value)[] extra) =>
        PushedRequests.PushAsync(_client, flow, clientId, extra);

    private static Dictionary<string, string> Parameters(CodeFlow flow, string clientId) => PushedRequests.Parameters(flow, clientId);
}
