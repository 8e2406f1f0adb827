using System.Text.Json;
using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>
/// An operator's rotations (<c>keys rotate</c>, decision 0048) reach a running service through the key table: the
/// announced key is published but does not sign; <c>--now</c> signs at once with a key the command made (under the Data
/// Protection ring both share), while the replaced key stays published and its tokens stay valid.
/// </summary>
public sealed class KeyCommandsTests(LocalServers servers)
{
    [Fact]
    public async Task Rotate_AnnouncesBeforeUse_AndNowSignsAtOnce_WhileTheServicePublishesBoth()
    {
        var environment = await servers.NewEnvironmentAsync("key_commands");
        var settings = TestClients.Settings();
        settings["Oidc:SigningKeys:RefreshInterval"] = "00:00:01";
        await using var host = await new IdentityHost(environment, settings).StartAsync();
        var client = new ProtocolClient(host.CreateClient());
        var first = await IssueAsync(client);
        settings["ConnectionStrings:Identity"] = environment.ConnectionString;
        settings["Oidc:Issuer"] = IdentityHost.Issuer;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var announced = await RunAsync(configuration, "keys", "rotate");

        announced.ExitCode.ShouldBe(0, announced.Error);
        var announcedKid = announced.Output.Trim();
        var listed = (await RunAsync(configuration, "keys", "list")).Output;
        listed.ShouldContain($"{first.Kid}\tactive");
        listed.ShouldContain($"{announcedKid}\tannounced\tsigns from {DateTimeOffset.UtcNow.AddDays(2):yyyy-MM-dd}", Case.Sensitive, "AnnounceBefore is two days by default");
        var again = await RunAsync(configuration, "keys", "rotate");
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("already announced");
        await Eventually.HoldsAsync(async () => (await PublishedKeyIdsAsync(client)).Contains(announcedKid), "the service publishes the announced key");
        (await IssueAsync(client)).Kid.ShouldBe(first.Kid, "an announced key does not sign");

        var immediate = await RunAsync(configuration, "keys", "rotate", "--now");

        immediate.ExitCode.ShouldBe(0, immediate.Error);
        var nowKid = immediate.Output.Trim();
        await Eventually.HoldsAsync(async () => (await IssueAsync(client)).Kid == nowKid, "the service signs with the new key");
        (await PublishedKeyIdsAsync(client)).ShouldBe([first.Kid, nowKid, announcedKid], ignoreOrder: true);
        (await client.IntrospectAsync(first.EncodedToken)).GetProperty("active").GetBoolean().ShouldBeTrue("a token the replaced key signed stays valid");
        (await RunAsync(configuration, "keys", "list")).Output.ShouldContain($"{first.Kid}\tretiring");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IConfiguration configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, configuration, new CliConsole(new StringReader(""), output, error));
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<JsonWebToken> IssueAsync(ProtocolClient client) =>
        new(await client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret));

    private static async Task<List<string>> PublishedKeyIdsAsync(ProtocolClient client)
    {
        var jwks = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative))).RootElement;
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
