using System.Net;
using HelpdeskIdentity.Api.Oidc.Storage;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// What the token table holds after a sign-in and two refreshes: the code and the refresh tokens (they make a code
/// single-use and a replayed refresh token detectable), and no row for any access token or ID token — those are
/// self-contained JWTs, so a busy portal does not grow the table by a row per ID token.
/// </summary>
public sealed class TokenRowsTests(LocalServers servers) : IAsyncLifetime
{
    private const string Password = "a password for the token rows test";
    private IdentityHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await new IdentityHost(await servers.NewEnvironmentAsync("token-rows"), TestClients.Settings()).StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CodeAndRefreshTokens_HaveRows_AccessAndIdTokensHaveNone()
    {
        var email = $"tilde@{Senders.UniqueDomain()}";
        var account = await _host.CreateAccountAsync(email, Password);
        var client = new ProtocolClient(_host.CreateClient());
        var flow = new CodeFlow(new BrowserClient(_host));
        var redeemed = await flow.RedeemAsync(client, (await flow.RunAsync(email, Password))["code"]);
        var tokens = await ProtocolClient.JsonAsync(redeemed);
        tokens.GetProperty("id_token").GetString().ShouldNotBeNullOrEmpty();
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        for (var i = 0; i < 2; i++)
        {
            var refreshed = await client.PostFormAsync("/connect/token", new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = TestClients.PortalId,
            });
            refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await ProtocolClient.JsonAsync(refreshed);
            body.GetProperty("id_token").GetString().ShouldNotBeNullOrEmpty();
            refreshToken = body.GetProperty("refresh_token").GetString()!;
        }

        var rows = await _host.QueryAsync(db => db.Set<OidcToken>().Where(t => t.Subject == account.Id.ToString())
            .GroupBy(t => new { t.Type, t.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() })
            .OrderBy(r => r.Type).ThenBy(r => r.Status).ToListAsync());

        rows.Select(r => $"{r.Type} {r.Status} {r.Count}").ShouldBe(
        [
            "urn:ietf:params:oauth:token-type:refresh_token redeemed 2",
            "urn:ietf:params:oauth:token-type:refresh_token valid 1",
            "urn:openiddict:params:oauth:token-type:authorization_code redeemed 1",
        ]);
    }
}
