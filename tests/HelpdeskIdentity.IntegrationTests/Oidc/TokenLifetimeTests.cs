using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Api.Oidc.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>Codes, access tokens and refresh tokens expire on the service's clock, which these tests move.</summary>
public sealed class TokenLifetimeTests(LocalServers servers) : IAsyncLifetime
{
    private const string Password = "a password for the lifetime tests";
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow);
    private IdentityHost _host = null!;
    private ProtocolClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = TestClients.Settings();
        settings["Oidc:RefreshTokenSlidingLifetime"] = "00:30:00";
        settings["Oidc:RefreshTokenAbsoluteLifetime"] = "01:00:00";
        _host = await new IdentityHost(await servers.NewEnvironmentAsync("lifetimes"), settings) { Clock = _clock }.StartAsync();
        _client = new ProtocolClient(_host.CreateClient());
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Code_RedeemedAfterSixtySeconds_IsInvalidGrant()
    {
        var (flow, code) = await SignInAsync();

        _clock.Advance(TimeSpan.FromSeconds(61));
        var response = await flow.RedeemAsync(_client, code);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task AccessToken_AfterItsLifetime_IsRefusedByUserInfo()
    {
        var (flow, code) = await SignInAsync();
        var accessToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, code))).GetProperty("access_token").GetString()!;
        (await _client.UserInfoStatusAsync(accessToken)).ShouldBe(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        (await _client.UserInfoStatusAsync(accessToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefreshToken_UnusedLongerThanTheSlidingLifetime_Expires()
    {
        var refreshToken = await RefreshTokenAsync();

        _clock.Advance(TimeSpan.FromMinutes(31));

        (await RefreshAsync(refreshToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefreshToken_UsedOftenEnough_StillEndsAtTheAbsoluteLifetime()
    {
        var refreshToken = await RefreshTokenAsync();
        for (var i = 0; i < 2; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(25));
            var response = await RefreshAsync(refreshToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"refresh {i + 1} within the sliding window");
            refreshToken = (await ProtocolClient.JsonAsync(response)).GetProperty("refresh_token").GetString()!;
        }

        _clock.Advance(TimeSpan.FromMinutes(25)); // 75 minutes after sign-in: past the one-hour family limit

        (await RefreshAsync(refreshToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Prune_ARevokedChainOlderThanAChainCanLive_IsDeleted_ButLiveOnesStay()
    {
        var expiring = await RefreshTokenAsync();
        await RefreshAsync(expiring); // a spent token and its successor in one family
        (await RefreshAsync(expiring)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "reuse revokes the family");
        _clock.Advance(TimeSpan.FromMinutes(50));
        var live = await RefreshTokenAsync();
        var pruner = _host.Services.GetServices<IHostedService>().OfType<GrantPruner>().Single();

        _clock.Advance(TimeSpan.FromMinutes(11)); // the first family is older than a chain can live (one hour)
        await pruner.PruneAsync(TestContext.Current.CancellationToken);

        var remaining = await _host.QueryAsync(db => db.Set<OidcToken>().CountAsync(t => t.Type == OpenIddict.Abstractions.OpenIddictConstants.TokenTypeIdentifiers.RefreshToken));
        remaining.ShouldBe(1, "only the live family's token is left");
        (await RefreshAsync(live)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(CodeFlow Flow, string Code)> SignInAsync()
    {
        var email = $"clock@{Senders.UniqueDomain()}";
        await _host.CreateAccountAsync(email, Password);
        var flow = new CodeFlow(new BrowserClient(_host));
        var callback = await flow.RunAsync(email, Password);
        return (flow, callback["code"]);
    }

    private async Task<string> RefreshTokenAsync()
    {
        var (flow, code) = await SignInAsync();
        return (await ProtocolClient.JsonAsync(await flow.RedeemAsync(_client, code))).GetProperty("refresh_token").GetString()!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
        });
}
