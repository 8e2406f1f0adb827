using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Proxies;

/// <summary>
/// The service binary as the Kubernetes manifest runs it: Production, plain HTTP on its port, behind an ingress that
/// ends TLS and says so in <c>X-Forwarded-Proto</c>. OpenIddict answers only HTTPS requests in Production, so the
/// protocol works exactly when a trusted proxy says the client came over HTTPS — never because a client says so.
/// </summary>
public sealed class BehindTlsProxyTests(LocalServers servers)
{
    /// <summary>The ingress: a loopback address of its own, so the test can speak as the proxy or as anyone else.</summary>
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_ThroughTheTrustedProxyOverHttps_DiscoveryAndTokensWork_PlainHttpAndSpoofedHeadersAreRefused()
    {
        var environment = await servers.NewEnvironmentAsync("tls_proxy");
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            // ServiceProcess runs Production unless told otherwise: OpenIddict's HTTPS requirement is on.
            ["ConnectionStrings__Identity"] = environment.ConnectionString,
            ["RabbitMq__Url"] = environment.AmqpUrl,
            ["Oidc__Issuer"] = IdentityHost.Issuer,
            ["Oidc__Clients__0__ClientId"] = TestClients.BackendId,
            ["Oidc__Clients__0__Type"] = "Confidential",
            ["Oidc__Clients__0__SecretHashes__0"] = HelpdeskIdentity.Oidc.Clients.ClientSecrets.Hash(TestClients.BackendSecret),
            ["Oidc__Clients__0__AllowedGrantTypes__0"] = "client_credentials",
            ["Oidc__Clients__0__AllowedScopes__0"] = "identity.admin",
            ["ForwardedHeaders__KnownProxies__0"] = Proxy.ToString(),
        });
        using var proxy = Client(service.Url, Proxy);
        using var stranger = Client(service.Url, IPAddress.Loopback);

        // The ingress forwards an HTTPS request: discovery, JWKS and a token.
        using (var discovery = await SendAsync(proxy, HttpMethod.Get, "/.well-known/openid-configuration", "https"))
        {
            discovery.StatusCode.ShouldBe(HttpStatusCode.OK, await discovery.Content.ReadAsStringAsync(Cancellation));
            JsonDocument.Parse(await discovery.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("issuer").GetString().ShouldBe(IdentityHost.Issuer);
        }

        (await SendAsync(proxy, HttpMethod.Get, "/.well-known/jwks.json", "https")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var token = await SendAsync(proxy, HttpMethod.Post, "/connect/token", "https", ClientCredentials()))
        {
            token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync(Cancellation));
            JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
        }

        // The ingress forwards a plain-HTTP request, or forwards without saying: refused as OpenIddict refuses plain HTTP.
        await ShouldBeRefusedAsHttpAsync(await SendAsync(proxy, HttpMethod.Post, "/connect/token", "http", ClientCredentials()));
        await ShouldBeRefusedAsHttpAsync(await SendAsync(proxy, HttpMethod.Post, "/connect/token", null, ClientCredentials()));

        // Anyone else writing the header is not believed.
        await ShouldBeRefusedAsHttpAsync(await SendAsync(stranger, HttpMethod.Post, "/connect/token", "https", ClientCredentials()));
        await ShouldBeRefusedAsHttpAsync(await SendAsync(stranger, HttpMethod.Get, "/.well-known/openid-configuration", "https"));
    }

    private static async Task ShouldBeRefusedAsHttpAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            var error = JsonDocument.Parse(body).RootElement;
            error.GetProperty("error").GetString().ShouldBe("invalid_request");
            error.GetProperty("error_description").GetString().ShouldNotBeNull().ShouldContain("HTTPS");
        }
    }

    private static FormUrlEncodedContent ClientCredentials() => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["scope"] = "identity.admin",
    });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? forwardedProto, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        if (content is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestClients.BackendId}:{TestClients.BackendSecret}")));
        }

        return await client.SendAsync(request, Cancellation);
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.0.0.0/8 address is this machine).</summary>
    private static HttpClient Client(string url, IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = new Uri(url),
    };
}
