using System.Net;
using System.Text;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// Bodies the form reader cannot read, or that are far larger than any protocol request, are the
/// client's mistake: every <c>POST /connect/*</c> answers 400 <c>invalid_request</c> or 413 with a
/// reason, never a 500 (whatever protocol engine serves the endpoint).
/// </summary>
public sealed class ProtocolFormBodyTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly ProtocolClient _client = new(fixture.Host.CreateClient());

    // The protocol engine matches paths ignoring case, so the guard must too: the last three are the same endpoints.
    private static readonly string[] Endpoints =
    [
        "/connect/token", "/connect/introspect", "/connect/revoke", "/connect/authorize", "/connect/userinfo", "/connect/endsession", "/connect/par",
        "/Connect/Token", "/CONNECT/PAR", "/connect/Introspect",
    ];

    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["a NUL character"] = "grant_type=client_credentials&x=%00",
        ["1,025 fields"] = string.Join('&', Enumerable.Range(0, 1025).Select(i => $"f{i}=v")),
        ["a 2,049-character key"] = new string('k', 2049) + "=v",
        ["a 4 MiB value"] = "x=" + new string('v', 4 * 1024 * 1024 + 1),
    };

    public static TheoryData<string, string> UnreadableBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var why in Bodies.Keys)
            {
                data.Add(endpoint, why);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task UnreadableForm_IsInvalidRequestOr413_NeverAServerError(string endpoint, string why)
    {
        var response = await _client.Http.PostAsync(endpoint, new StringContent(Bodies[why], Encoding.UTF8, "application/x-www-form-urlencoded"), Cancellation);

        await ShouldBeRefusedAsync(response, why);
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/connect/introspect")]
    [InlineData("/connect/revoke")]
    [InlineData("/connect/authorize")]
    [InlineData("/connect/userinfo")]
    [InlineData("/connect/endsession")]
    [InlineData("/connect/par")]
    [InlineData("/Connect/Token")]
    public async Task FiftyMegabyteChunkedBody_IsRefused_NeverAServerError(string endpoint)
    {
        var content = new StreamContent(new RepeatingStream("x=", 'v', 50L * 1024 * 1024));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        content.Headers.ContentLength.ShouldBeNull("sent without a length, as a chunked body is");

        var response = await _client.Http.PostAsync(endpoint, content, Cancellation);

        await ShouldBeRefusedAsync(response, "a 50 MB chunked body");
    }

    [Fact]
    public async Task BodyDeclaringMoreThanOneMebibyte_Is413()
    {
        var response = await _client.Http.PostAsync("/connect/token",
            new StringContent("grant_type=client_credentials&x=" + new string('v', 1024 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe("invalid_request");
    }

    [Theory]
    [InlineData("authorization_code", "code")]
    [InlineData("refresh_token", "refresh_token")]
    public async Task HundredKilobyteCodeOrRefreshToken_IsInvalidGrant_NeverAServerError(string grantType, string parameter)
    {
        var response = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = TestClients.PortalId,
            ["redirect_uri"] = TestClients.PortalRedirectUri,
            ["code_verifier"] = new string('a', 43),
            [parameter] = new string('c', 100 * 1024),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await ProtocolClient.JsonAsync(response);
        body.GetProperty("error").GetString().ShouldBe("invalid_grant");
        var description = body.GetProperty("error_description").GetString();
        description.ShouldNotBeNull();
        description.ShouldNotBeNullOrWhiteSpace("OpenIddict says the token is invalid (it does not state the length)");
    }

    [Theory]
    [InlineData("/connect/token", "grant_type=client_credentials")]
    [InlineData("/connect/introspect", "token=abc")]
    [InlineData("/connect/revoke", "token=abc")]
    [InlineData("/connect/par", "response_type=code&redirect_uri=https%3A%2F%2Fportal.example%2Fcallback")]
    public async Task NulInTheBasicClientId_IsInvalidClient_NeverAServerError(string endpoint, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("portal%00:secret")));

        using var response = await fixture.Host.CreateClient().SendAsync(request, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=portal%00&response_type=code&redirect_uri=https%3A%2F%2Fportal.example%2Fcallback")]
    [InlineData("/connect/endsession?client_id=portal%00")]
    [InlineData("/connect/endsession?post_logout_redirect_uri=https%3A%2F%2Fportal.example%2F%00x")]
    public async Task NulInAClientIdOrUriOfTheQuery_IsAnErrorPage_NeverAServerError(string url)
    {
        using var response = await fixture.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(url, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string why)
    {
        ((int)response.StatusCode).ShouldBeOneOf([400, 413], why);
        var body = await ProtocolClient.JsonAsync(response);
        body.GetProperty("error").GetString().ShouldBe("invalid_request", why);
        body.GetProperty("error_description").GetString().ShouldNotBeNullOrEmpty(why);
    }

    /// <summary>A body of a prefix then one character repeated, produced as it is read (never held in memory).</summary>
    private sealed class RepeatingStream(string prefix, char fill, long length) : Stream
    {
        private readonly byte[] _prefix = Encoding.ASCII.GetBytes(prefix);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++, _position++)
            {
                buffer[offset + i] = _position < _prefix.Length ? _prefix[_position] : (byte)fill;
            }

            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
