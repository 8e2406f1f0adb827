using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>The service with small, short rate limits: 3 posts per address and 5 per client IP in 5 seconds (the account pages' posts: 5 per client IP).</summary>
public sealed class RateLimitFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const int PerAddress = 3;
    public const int PerClient = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerAddress:PermitLimit"] = "3",
        ["RateLimits:SignInPerAddress:Window"] = "00:00:05",
        ["RateLimits:SignInPerClient:PermitLimit"] = "5",
        ["RateLimits:SignInPerClient:Window"] = "00:00:05",
        ["RateLimits:ForgotPasswordPerAddress:PermitLimit"] = "3",
        ["RateLimits:ForgotPasswordPerAddress:Window"] = "00:00:05",
        ["RateLimits:ForgotPasswordPerClient:PermitLimit"] = "5",
        ["RateLimits:ForgotPasswordPerClient:Window"] = "00:00:05",
        ["RateLimits:ChangePasswordPerClient:PermitLimit"] = "5",
        ["RateLimits:ChangePasswordPerClient:Window"] = "00:00:05",
        ["RateLimits:ChangeEmailPerClient:PermitLimit"] = "5",
        ["RateLimits:ChangeEmailPerClient:Window"] = "00:00:05",
    };
}
