using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

public sealed class CorsTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task BrowserFacingEndpoint_RegisteredOrigin_IsAllowed(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, TestClients.PortalOrigin);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([TestClients.PortalOrigin]);
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/connect/userinfo")]
    [InlineData("/connect/revoke")]
    [InlineData("/Connect/Token")] // the protocol engine ignores a path's case, so CORS must too
    public async Task BrowserFacingEndpointPreflight_RegisteredOrigin_AllowsPost(string path)
    {
        var response = await SendAsync(HttpMethod.Options, path, TestClients.PortalOrigin, preflight: true);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([TestClients.PortalOrigin]);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
    }

    [Theory]
    [InlineData("GET", "/.well-known/openid-configuration")]
    [InlineData("OPTIONS", "/connect/token")]
    public async Task BrowserFacingEndpoint_UnregisteredOrigin_GetsNoCorsHeaders(string method, string path)
    {
        var response = await SendAsync(new HttpMethod(method), path, "https://evil.example", preflight: method == "OPTIONS");

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Metadata_AnsweredAgainFromMemory_KeepsEachOriginsOwnHeaders(string path)
    {
        // Each caller asks twice, so the second answer is the remembered one; the callers take turns.
        foreach (var origin in new[] { TestClients.PortalOrigin, "", "https://evil.example", TestClients.PortalOrigin, "" })
        {
            var first = await SendAsync(HttpMethod.Get, path, origin);
            var again = await SendAsync(HttpMethod.Get, path, origin);
            foreach (var response in new[] { first, again })
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                response.Headers.Vary.ShouldContain("Origin");
                response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors 'none'");
                response.Headers.CacheControl.ShouldNotBeNull().Public.ShouldBeTrue();
                response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/json");
                if (origin == TestClients.PortalOrigin)
                {
                    response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([TestClients.PortalOrigin]);
                }
                else
                {
                    response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
                }
            }

            (await again.Content.ReadAsStringAsync(Cancellation)).ShouldBe(await first.Content.ReadAsStringAsync(Cancellation));
        }
    }

    [Fact]
    public async Task Introspection_IsNotForBrowsers_EvenFromARegisteredOrigin()
    {
        var response = await SendAsync(HttpMethod.Options, "/connect/introspect", TestClients.PortalOrigin, preflight: true);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string origin, bool preflight = false)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin.Length > 0)
        {
            request.Headers.Add("Origin", origin);
        }

        if (preflight)
        {
            request.Headers.Add("Access-Control-Request-Method", "POST");
        }

        return _client.SendAsync(request, Cancellation);
    }
}
