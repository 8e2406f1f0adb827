using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

public sealed class KeyRotationTests(LocalServers servers)
{
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(30);
    private static readonly TimeSpan Announce = TimeSpan.FromDays(2);
    private static readonly TimeSpan LongestToken = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Rotation_AnnouncesBeforeUse_KeepsOldTokensValid_AndRetiresTheOldKeyAfterTheLongestTokenLifetime()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var environment = await servers.NewEnvironmentAsync("rotation");
        await using var host = await new IdentityHost(environment, TestClients.Settings()) { Clock = clock }.StartAsync();
        var client = new ProtocolClient(host.CreateClient());

        var first = await IssueAsync(client);
        (await PublishedKeyIdsAsync(client)).ShouldBe([first.Kid]);

        clock.Advance(Rotation - Announce + TimeSpan.FromMinutes(1)); // the successor is due to be announced
        var announced = await PublishedKeyIdsAsync(client);
        announced.Count.ShouldBe(2, "the next key is in JWKS before it signs anything");
        (await IssueAsync(client)).Kid.ShouldBe(first.Kid, "the announced key does not sign yet");

        clock.Advance(Announce - TimeSpan.FromMinutes(2)); // one minute before the switch
        var signedJustBefore = await IssueAsync(client);
        clock.Advance(TimeSpan.FromMinutes(2)); // the successor now signs
        var signedAfter = await IssueAsync(client);
        signedAfter.Kid.ShouldNotBe(first.Kid);
        announced.ShouldContain(signedAfter.Kid);
        (await client.IntrospectAsync(signedJustBefore.EncodedToken)).GetProperty("active").GetBoolean()
            .ShouldBeTrue("a token signed before the rotation still validates after it");
        (await PublishedKeyIdsAsync(client)).ShouldContain(first.Kid);

        clock.Advance(LongestToken + TimeSpan.FromMinutes(1));
        (await PublishedKeyIdsAsync(client)).ShouldBe([signedAfter.Kid], "the retired key leaves once no token it signed can be valid");
    }

    [Fact]
    public async Task Logout_WithAnIdTokenWhoseKeyHasLeftJwks_StillSignsOutAndReturns()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var environment = await servers.NewEnvironmentAsync("rotation_logout");
        await using var host = await new IdentityHost(environment, TestClients.Settings()) { Clock = clock }.StartAsync();
        var client = new ProtocolClient(host.CreateClient());
        var email = $"rotated@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, "a password for the rotation test");
        using var browser = new BrowserClient(host);
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, "a password for the rotation test");
        var idToken = (await ProtocolClient.JsonAsync(await flow.RedeemAsync(client, callback["code"]))).GetProperty("id_token").GetString()!;

        clock.Advance(Rotation - Announce + TimeSpan.FromMinutes(1));
        (await PublishedKeyIdsAsync(client)).Count.ShouldBe(2, "the successor is announced");
        clock.Advance(Announce + LongestToken + TimeSpan.FromMinutes(1));
        (await PublishedKeyIdsAsync(client)).ShouldNotContain(new JsonWebToken(idToken).Kid, "the key that signed the ID token is retired");

        var logout = await browser.GetAsync($"/connect/endsession?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(TestClients.PortalOrigin + "/")}&state=bye");

        CodeFlow.Location(logout).ShouldBe(TestClients.PortalOrigin + "/?state=bye");
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_AgreeOnOneKey_AndAcceptEachOthersTokens()
    {
        var environment = await servers.NewEnvironmentAsync("two_keys");
        var starting = new[] { new IdentityHost(environment, TestClients.Settings()), new IdentityHost(environment, TestClients.Settings()) };
        var hosts = await Task.WhenAll(starting.Select(h => h.StartAsync()));
        try
        {
            var clients = hosts.Select(h => new ProtocolClient(h.CreateClient())).ToList();
            var keySets = await Task.WhenAll(clients.Select(PublishedKeyIdsAsync));

            keySets[0].ShouldHaveSingleItem();
            keySets[1].ShouldBe(keySets[0]);
            var token = await clients[0].ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret);
            (await clients[1].IntrospectAsync(token)).GetProperty("active").GetBoolean().ShouldBeTrue();
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<JsonWebToken> IssueAsync(ProtocolClient client) =>
        new(await client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret));

    private static async Task<List<string>> PublishedKeyIdsAsync(ProtocolClient client)
    {
        var jwks = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative))).RootElement;
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
