using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.Oidc.Clients;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

public sealed class ClientCommandsTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    [Fact]
    public async Task ClientsList_ShowsTheSeededClients_ButNeverTheirSecretHashes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = fixture.Host.Environment.ConnectionString,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["clients", "list"], configuration, new CliConsole(new StringReader(""), output, error));

        exitCode.ShouldBe(0, error.ToString());
        var listed = output.ToString();
        listed.ShouldContain($"{TestClients.PortalId} (Public)");
        listed.ShouldContain($"{TestClients.BackendId} (Confidential)");
        listed.ShouldContain(TestClients.PortalRedirectUri);
        listed.ShouldContain("client_credentials");
        listed.ShouldNotContain(ClientSecrets.Hash(TestClients.BackendSecret));
        listed.ShouldNotContain(TestClients.BackendSecret);
    }
}
