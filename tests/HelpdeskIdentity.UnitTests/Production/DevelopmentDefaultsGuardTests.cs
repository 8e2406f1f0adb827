using HelpdeskIdentity.Api.Production;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Production;

public sealed class DevelopmentDefaultsGuardTests
{
    [Fact]
    public void ProductionSettings_PassWithNothingToName()
    {
        var problems = DevelopmentDefaultsGuard.Find(Configuration(new()
        {
            ["Oidc:Issuer"] = "https://id.helpdesk.example",
            ["Oidc:Clients:0:ClientId"] = "portal",
            ["Oidc:Clients:0:RedirectUris:0"] = "https://portal.helpdesk.example/callback",
            ["Oidc:Clients:0:AllowedCorsOrigins:0"] = "https://portal.helpdesk.example",
            ["Oidc:Clients:1:ClientId"] = "desktop-app",
            ["Oidc:Clients:1:RedirectUris:0"] = "http://127.0.0.1/callback", // a native app (RFC 8252): allowed
            ["RabbitMq:Url"] = "amqps://identity:s3cret@broker.helpdesk.example/",
        }));

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void DevelopmentDefaults_EachNamedByItsKey()
    {
        var problems = DevelopmentDefaultsGuard.Find(Configuration(new()
        {
            ["Oidc:Issuer"] = "http://127.0.0.1:5080",
            ["Oidc:Clients:0:ClientId"] = "portal",
            ["Oidc:Clients:0:RedirectUris:0"] = "http://127.0.0.1:5173/callback",
            ["Oidc:Clients:0:PostLogoutRedirectUris:0"] = "http://localhost:5173/",
            ["Oidc:Clients:0:AllowedCorsOrigins:0"] = "http://[::1]:5173",
            ["RabbitMq:Url"] = "amqp://guest:guest@broker.internal:5672/",
        }));

        problems.Count.ShouldBe(4);
        problems.ShouldContain(p => p.StartsWith("Oidc:Issuer", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Oidc:Clients:0:AllowedCorsOrigins:0", StringComparison.Ordinal) && p.Contains("'portal'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Oidc:Clients:0:PostLogoutRedirectUris:0", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("RabbitMq:Url", StringComparison.Ordinal) && !p.Contains("guest@", StringComparison.Ordinal));
    }

    [Fact]
    public void HttpsIssuerOnLoopback_IsStillADevelopmentAddress()
    {
        DevelopmentDefaultsGuard.Find(Configuration(new() { ["Oidc:Issuer"] = "https://localhost:5001" })).ShouldHaveSingleItem();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
