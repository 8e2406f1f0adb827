using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>The test clients, and the token and pushed authorization endpoints limited to 3 requests per client IP in 5 seconds.</summary>
public sealed class TokenRateLimitFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const int PerClient = 3;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = TestClients.Settings();
            settings["RateLimits:TokenPerClient:PermitLimit"] = "3";
            settings["RateLimits:TokenPerClient:Window"] = "00:00:05";
            settings["RateLimits:PushedAuthorizationPerClient:PermitLimit"] = "3";
            settings["RateLimits:PushedAuthorizationPerClient:Window"] = "00:00:05";
            return settings;
        }
    }
}
