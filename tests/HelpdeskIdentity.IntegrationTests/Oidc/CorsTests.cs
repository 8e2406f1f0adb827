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

    [Fact]
    public async Task Introspection_IsNotForBrowsers_EvenFromARegisteredOrigin()
    {
        var response = await SendAsync(HttpMethod.Options, "/connect/introspect", TestClients.PortalOrigin, preflight: true);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string origin, bool preflight = false)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        if (preflight)
        {
            request.Headers.Add("Access-Control-Request-Method", "POST");
        }

        return _client.SendAsync(request, Cancellation);
    }
}
