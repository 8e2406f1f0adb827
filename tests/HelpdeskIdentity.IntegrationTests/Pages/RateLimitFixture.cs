using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>The service with small, short rate limits: 3 posts per address and 5 per client IP in 10 minutes of its movable clock (the account pages' posts: 5 per client IP).</summary>
public sealed class RateLimitFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const int PerAddress = 3;
    public const int PerClient = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The service's clock: windows pass when a test moves it, never because the machine was slow.</summary>
    public MovableClock Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerAddress:PermitLimit"] = "3",
        ["RateLimits:SignInPerAddress:Window"] = "00:10:00",
        ["RateLimits:SignInPerClient:PermitLimit"] = "5",
        ["RateLimits:SignInPerClient:Window"] = "00:10:00",
        ["RateLimits:ForgotPasswordPerAddress:PermitLimit"] = "3",
        ["RateLimits:ForgotPasswordPerAddress:Window"] = "00:10:00",
        ["RateLimits:ForgotPasswordPerClient:PermitLimit"] = "5",
        ["RateLimits:ForgotPasswordPerClient:Window"] = "00:10:00",
        ["RateLimits:ChangePasswordPerClient:PermitLimit"] = "5",
        ["RateLimits:ChangePasswordPerClient:Window"] = "00:10:00",
        ["RateLimits:ChangeEmailPerClient:PermitLimit"] = "5",
        ["RateLimits:ChangeEmailPerClient:Window"] = "00:10:00",
    };
}
