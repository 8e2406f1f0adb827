using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The service with the test clients, a brand and a short lockout threshold, for the password-reset tests.</summary>
public sealed class PasswordResetFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const string ProductName = "Acme Helpdesk";
    public const string SupportEmail = "help@helpdesk.example";
    public const int MaxFailedAttempts = 3;

    protected override IDictionary<string, string?> Settings => Configure(TestClients.Settings());

    /// <summary>These tests' settings on top of <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> Configure(Dictionary<string, string?> settings)
    {
        settings["Branding:ProductName"] = ProductName;
        settings["Branding:SupportEmail"] = SupportEmail;
        settings["Accounts:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}
