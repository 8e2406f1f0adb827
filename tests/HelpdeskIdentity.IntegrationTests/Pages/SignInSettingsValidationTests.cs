using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>A bad sign-in or branding setting stops the service at start-up, naming the setting.</summary>
public sealed class SignInSettingsValidationTests
{
    private static readonly TestEnvironment Unused = new("Host=127.0.0.1;Port=1;Database=none;Username=none", "amqp://guest:guest@127.0.0.1:1/");

    [Theory]
    [InlineData("Accounts:Lockout:MaxFailedAttempts", "0")]
    [InlineData("Accounts:Lockout:Duration", "00:00:00")]
    [InlineData("Accounts:SessionLifetime", "00:00:01")]
    [InlineData("Accounts:PasswordReset:LinkLifetime", "00:01:00")]
    [InlineData("Accounts:PasswordReset:LinkLifetime", "8.00:00:00")]
    [InlineData("Accounts:KeepSignedInLifetime", "00:10:00")]
    [InlineData("Accounts:KeepSignedInLifetime", "366.00:00:00")]
    [InlineData("Accounts:EmailChange:LinkLifetime", "00:01:00")]
    [InlineData("Accounts:EmailChange:LinkLifetime", "8.00:00:00")]
    [InlineData("Accounts:Invitation:LinkLifetime", "00:30:00")]
    [InlineData("Accounts:Invitation:LinkLifetime", "31.00:00:00")]
    [InlineData("Accounts:LinkRetention", "00:10:00")]
    [InlineData("Accounts:ReauthenticateAfter", "00:00:30")]
    [InlineData("Accounts:ReauthenticateAfter", "02:00:00")]
    [InlineData("Branding:SupportEmail", "")]
    [InlineData("Branding:SupportEmail", "support at example")]
    [InlineData("Branding:PrimaryColor", "red;} body{display:none")]
    [InlineData("Branding:SupportPhone", "<script>")]
    [InlineData("Branding:ProductName", "")]
    [InlineData("Accounts:PasswordPolicy:Preset", "strict")]
    [InlineData("Accounts:PasswordPolicy:MinimumLength", "4")]
    [InlineData("Accounts:PasswordPolicy:MaximumLength", "32")]
    [InlineData("Accounts:PasswordPolicy:ForbiddenCharacters", "åäö")]
    public async Task BadSetting_StopsStartUp_NamingTheSetting(string key, string value)
    {
        await using var host = new IdentityHost(Unused, new Dictionary<string, string?> { [key] = value, ["Database:MigrateOnStartup"] = "false" });

        var error = await Should.ThrowAsync<Exception>(host.StartAsync);

        error.ToString().ShouldContain(key);
    }
}
