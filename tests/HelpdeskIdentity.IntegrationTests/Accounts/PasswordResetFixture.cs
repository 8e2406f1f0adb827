using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The service with the test clients, a brand and a short lockout threshold, for the password-reset tests.</summary>
public sealed class PasswordResetFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const string ProductName = "Acme Helpdesk";
    public const string SupportEmail = "help@helpdesk.example";
    public const int MaxFailedAttempts = 3;

    private static readonly string[] RateLimitRules =
        ["SignInPerClient", "SignInPerAddress", "ForgotPasswordPerClient", "ForgotPasswordPerAddress", "SetPasswordPerClient",
         "ChangePasswordPerClient", "ChangeEmailPerClient", "ConfirmEmailPerClient", "EmailsPerAddress"];

    protected override IDictionary<string, string?> Settings => Configure(TestClients.Settings());

    /// <summary>These tests' settings on top of <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> Configure(Dictionary<string, string?> settings)
    {
        settings["Branding:ProductName"] = ProductName;
        settings["Branding:SupportEmail"] = SupportEmail;
        settings["Accounts:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // These tests post the forms far more often than a person would, all from one test client. Rate limits
        // (the RateLimits section, docs/decisions/0013, merged on main alongside this branch) are tested on
        // their own; here they are lifted. Keys nothing binds are ignored.
        foreach (var rule in RateLimitRules)
        {
            settings[$"RateLimits:{rule}:PermitLimit"] = "1000000";
        }

        return settings;
    }
}
