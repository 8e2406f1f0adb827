using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.IntegrationTests.Pages;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Proxies;

/// <summary>The service behind a proxy at 198.51.100.10: per-IP limits key on the client the proxy names, and only the proxy may name one.</summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxyFixture fixture) : IClassFixture<ForwardedHeadersTests.ProxyFixture>
{
    private const string Proxy = "198.51.100.10";

    public sealed class ProxyFixture(LocalServers servers) : IntakeFixture(servers)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerClient:PermitLimit"] = RateLimitFixture.PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignInPerClient:Window"] = "00:01:00",
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        };
    }

    [Fact]
    public async Task ThroughTheKnownProxy_EachForwardedClientHasItsOwnBudget()
    {
        var exhausted = TestClientAddress.Unique();
        await SpendBudgetAsync(Proxy, forwardedFor: exhausted);

        (await SignInAsync(Proxy, forwardedFor: exhausted)).ShouldBe(HttpStatusCode.TooManyRequests);
        (await SignInAsync(Proxy, forwardedFor: TestClientAddress.Unique())).ShouldBe(HttpStatusCode.OK, "another client behind the same proxy");
    }

    [Fact]
    public async Task SpoofedXForwardedForFromAnUnknownPeer_ChangesNothing()
    {
        var peer = TestClientAddress.Unique();
        await SpendBudgetAsync(peer, forwardedFor: null);

        var spoofed = await SignInAsync(peer, forwardedFor: TestClientAddress.Unique());

        spoofed.ShouldBe(HttpStatusCode.TooManyRequests, "the peer is not a configured proxy, so it is the client");
    }

    [Fact]
    public async Task ClientWritingItsOwnXForwardedForThroughTheProxy_IsStillKeyedOnWhatTheProxyAppended()
    {
        var client = TestClientAddress.Unique();
        for (var attempt = 0; attempt < RateLimitFixture.PerClient; attempt++)
        {
            // The proxy appends the address it saw; what the client wrote before it is not read (ForwardLimit 1).
            (await SignInAsync(Proxy, forwardedFor: $"{TestClientAddress.Unique()}, {client}")).ShouldBe(HttpStatusCode.OK);
        }

        (await SignInAsync(Proxy, forwardedFor: $"{TestClientAddress.Unique()}, {client}")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private async Task SpendBudgetAsync(string peer, string? forwardedFor)
    {
        for (var attempt = 0; attempt < RateLimitFixture.PerClient; attempt++)
        {
            (await SignInAsync(peer, forwardedFor)).ShouldBe(HttpStatusCode.OK, $"attempt {attempt + 1} is within the budget");
        }
    }

    private async Task<HttpStatusCode> SignInAsync(string peer, string? forwardedFor)
    {
        using var browser = new BrowserClient(fixture.Host, peer);
        if (forwardedFor is not null)
        {
            browser.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = $"someone@{Senders.UniqueDomain()}",
            ["Input.Password"] = "not the password",
        });
        return response.StatusCode;
    }
}
