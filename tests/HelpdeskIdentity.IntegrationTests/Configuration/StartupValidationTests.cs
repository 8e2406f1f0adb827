using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Configuration;

/// <summary>A bad setting stops the service at start-up with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    private static readonly TestEnvironment Unused = new("Host=127.0.0.1;Port=1;Database=none;Username=none", "amqp://guest:guest@127.0.0.1:1/");

    [Theory]
    [InlineData("RabbitMq:Url", "http://broker", "RabbitMq:Url")]
    [InlineData("RabbitMq:Url", "", "RabbitMq:Url")]
    [InlineData("RabbitMq:PrefetchCount", "0", "RabbitMq:PrefetchCount")]
    [InlineData("ConnectionStrings:Identity", "", "ConnectionStrings:Identity")]
    [InlineData("ConnectionStrings:Identity", "not a connection string", "ConnectionStrings:Identity")]
    [InlineData("Outbox:BatchSize", "0", "Outbox:BatchSize")]
    [InlineData("Tickets:DeniedDomains:0", "not a domain!", "Tickets:DeniedDomains")]
    [InlineData("Tickets:HelpdeskAddresses:0", "helpdesk-at-example.nl", "Tickets:HelpdeskAddresses")]
    [InlineData("Oidc:Issuer", "", "Oidc:Issuer")]
    [InlineData("Oidc:Issuer", "not a url", "Oidc:Issuer")]
    [InlineData("Oidc:Clients:0:RedirectUris:0", "http://portal.example.com/callback", "Oidc:Clients:0")]
    [InlineData("Oidc:Clients:0:SecretHashes:0", "plaintext-secret", "Oidc:Clients:0:SecretHashes")]
    [InlineData("Oidc:Clients:0:AllowedScopes:0", "everything", "Oidc:Clients:0:AllowedScopes")]
    [InlineData("Oidc:ApiScopes:0:Audience", "https://api.example.com", "Oidc:ApiScopes:0:Audience")] // https://api.example.com/ is how a resource names it
    [InlineData("Oidc:SigningKeys:AnnounceBefore", "00:00:00", "Oidc:SigningKeys:AnnounceBefore")]
    [InlineData("Oidc:SigningKeys:AnnounceBefore", "40.00:00:00", "Oidc:SigningKeys:AnnounceBefore")]
    [InlineData("Oidc:SigningKeys:RefreshInterval", "00:00:00", "Oidc:SigningKeys:RefreshInterval")]
    [InlineData("Oidc:SigningKeys:RefreshInterval", "01:00:00", "Oidc:SigningKeys:RefreshInterval")]
    [InlineData("Email:From", "", "Email:From")]
    [InlineData("Email:From", "not an address", "Email:From")]
    [InlineData("Email:Provider", "SendGrid", "Email:SendGrid:ApiKey")]
    [InlineData("Email:Provider", "Smtp", "Email:Smtp:Host")]
    [InlineData("Email:PickupDirectory", "", "Email:PickupDirectory")]
    [InlineData("RabbitMq:QueueType", "mirrored", "RabbitMq:QueueType")]
    [InlineData("RateLimits:Store", "Redis", "RateLimits:Store")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "ForwardedHeaders:KnownProxies:0")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:0")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0", "ForwardedHeaders:ForwardLimit")]
    public async Task BadSetting_StopsStartUp_NamingTheSetting(string key, string value, string named)
    {
        await using var host = new IdentityHost(Unused, new Dictionary<string, string?> { [key] = value, ["Database:MigrateOnStartup"] = "false" });

        var error = await Should.ThrowAsync<Exception>(host.StartAsync);

        error.ToString().ShouldContain(named);
    }
}
