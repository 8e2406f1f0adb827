using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// Oidc:RefreshTokenReuseLeeway on the movable clock: a client whose refresh succeeded but whose response was lost may
/// retry with the same token for a few seconds; after that, presenting it again is reuse and ends the whole chain.
/// </summary>
public sealed class RefreshGracePeriodTests(LocalServers servers) : IAsyncLifetime
{
    private const string Password = "a password for the refresh retry tests";
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow);
    private IdentityHost _host = null!;
    private ProtocolClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = TestClients.Settings();
        settings["Oidc:RefreshTokenReuseLeeway"] = "00:00:10";
        _host = await new IdentityHost(await servers.NewEnvironmentAsync("grace"), settings) { Clock = _clock }.StartAsync();
        _client = new ProtocolClient(_host.CreateClient());
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RetryWithinTheGracePeriod_GetsTokens_AfterItTheChainEnds()
    {
        var email = $"grace@{Senders.UniqueDomain()}";
        await _host.CreateAccountAsync(email, Password);
        var flow = new CodeFlow(new BrowserClient(_host));
        var callback = await flow.RunAsync(email, Password);
        var original = await RefreshTokenOf(await flow.RedeemAsync(_client, callback["code"]));

        var first = await RefreshTokenOf(await RefreshAsync(original));
        _clock.Advance(TimeSpan.FromSeconds(5));
        var retried = await RefreshAsync(original); // the lost response's retry

        retried.StatusCode.ShouldBe(HttpStatusCode.OK, "within 10 s of its use, the same token is a retry, not reuse");
        var next = await RefreshTokenOf(await RefreshAsync(first));

        _clock.Advance(TimeSpan.FromSeconds(11));
        (await RefreshAsync(first)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "11 s after its use it is reuse");
        (await RefreshAsync(next)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "reuse ended the whole chain");
    }

    private static async Task<string> RefreshTokenOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ProtocolClient.JsonAsync(response)).GetProperty("refresh_token").GetString()!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
        });
}
