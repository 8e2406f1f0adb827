using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>A rate limit out of range stops the service at start-up, naming the setting.</summary>
public sealed class RateLimitSettingsValidationTests
{
    private static readonly TestEnvironment Unused = new("Host=127.0.0.1;Port=1;Database=none;Username=none", "amqp://guest:guest@127.0.0.1:1/");

    [Theory]
    [InlineData("RateLimits:SignInPerClient:PermitLimit", "0")]
    [InlineData("RateLimits:SignInPerAddress:Window", "00:00:00")]
    [InlineData("RateLimits:ForgotPasswordPerAddress:PermitLimit", "-3")]
    [InlineData("RateLimits:SetPasswordPerClient:Window", "2.00:00:00")]
    [InlineData("RateLimits:ChangePasswordPerClient:PermitLimit", "0")]
    [InlineData("RateLimits:ChangeEmailPerClient:Window", "2.00:00:00")]
    [InlineData("RateLimits:ConfirmEmailPerClient:PermitLimit", "0")]
    [InlineData("RateLimits:TokenPerClient:PermitLimit", "0")]
    public async Task BadSetting_StopsStartUp_NamingTheSetting(string key, string value)
    {
        await using var host = new IdentityHost(Unused, new Dictionary<string, string?> { [key] = value, ["Database:MigrateOnStartup"] = "false" });

        var error = await Should.ThrowAsync<Exception>(host.StartAsync);

        error.ToString().ShouldContain(key);
    }
}
