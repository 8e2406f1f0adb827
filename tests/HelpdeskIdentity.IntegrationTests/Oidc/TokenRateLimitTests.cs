using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// With <c>RateLimits:TokenPerClient</c> set, a client IP over it gets 429 with Retry-After from the token endpoint; the
/// same for pushed authorization requests over <c>RateLimits:PushedAuthorizationPerClient</c>, which is on by default.
/// </summary>
public sealed class TokenRateLimitTests(TokenRateLimitFixture fixture) : IClassFixture<TokenRateLimitFixture>
{
    [Fact]
    public async Task TokenEndpoint_OverTheConfiguredLimit_Answers429WithRetryAfter_OtherClientIpsUnaffected()
    {
        // Warm the endpoint up from another address first: the window is 5 s, and a cold first request can take most of it.
        using var warmUp = await RequestTokenAsync(Client(TestClientAddress.Unique()));
        warmUp.StatusCode.ShouldBe(HttpStatusCode.OK);
        var busy = Client(TestClientAddress.Unique());
        for (var request = 1; request <= TokenRateLimitFixture.PerClient; request++)
        {
            using var allowed = await RequestTokenAsync(busy);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {request}");
        }

        using var refused = await RequestTokenAsync(busy);
        using var elsewhere = await RequestTokenAsync(Client(TestClientAddress.Unique()));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Pages.RateLimitTests.RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PushedAuthorization_OverTheLimit_Answers429WithRetryAfterAndNoRequestUri_OtherClientIpsUnaffected()
    {
        using var warmUp = await PushAsync(Client(TestClientAddress.Unique()));
        warmUp.StatusCode.ShouldBe(HttpStatusCode.Created);
        var busy = Client(TestClientAddress.Unique());
        for (var push = 1; push <= TokenRateLimitFixture.PerClient; push++)
        {
            using var allowed = await PushAsync(busy);
            allowed.StatusCode.ShouldBe(HttpStatusCode.Created, $"push {push}");
        }

        using var refused = await PushAsync(busy);
        using var elsewhere = await PushAsync(Client(TestClientAddress.Unique()));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "anyone may push for a public client: each push is a stored row");
        Pages.RateLimitTests.RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("request_uri");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private Task<HttpResponseMessage> PushAsync(ProtocolClient client) =>
        client.PostFormAsync("/connect/par", PushedRequests.Parameters(new CodeFlow(new BrowserClient(fixture.Host)), TestClients.PortalId));

    private ProtocolClient Client(string clientIp)
    {
        var http = fixture.Host.CreateClient();
        http.DefaultRequestHeaders.Add(TestClientAddress.Header, clientIp);
        return new ProtocolClient(http);
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(ProtocolClient client) =>
        client.PostFormAsync("/connect/token",
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "identity.admin" },
            (TestClients.BackendId, TestClients.BackendSecret));
}
