using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Configuration;

/// <summary>
/// Every service the web service and the operator commands register can be built from what they register, with
/// scoped services only in scopes: what Development checks on every start (and where <c>users show</c> once failed),
/// checked here in the environment the tests run in.
/// </summary>
public sealed class CompositionTests(LocalServers servers)
{
    [Fact]
    public async Task WebComposition_ValidatedOnBuild_StartsAndServes()
    {
        await using var host = new IdentityHost(await servers.NewEnvironmentAsync("composition_web")) { ValidateServices = true };

        await host.StartAsync();

        using var client = host.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task CliComposition_ValidatedOnBuild_Builds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = await servers.Postgres.CreateDatabaseAsync("composition_cli"),
        }).Build();
        var builder = CliServices.CreateBuilder(configuration);
        builder.Host.UseDefaultServiceProvider(provider =>
        {
            provider.ValidateOnBuild = true;
            provider.ValidateScopes = true;
        });

        await using var app = builder.Build();

        app.Services.ShouldNotBeNull();
    }
}
