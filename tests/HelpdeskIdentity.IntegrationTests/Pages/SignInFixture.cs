using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>The service with branding, a short lockout threshold and a two-day "keep me signed in" session, for the sign-in tests.</summary>
public sealed class SignInFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const string SupportEmail = "help@helpdesk.example";
    public const string SupportPhone = "+31 20 123 4567";
    public const int MaxFailedAttempts = 3;
    public static readonly TimeSpan KeepSignedInLifetime = TimeSpan.FromDays(2);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Branding:ProductName"] = "Acme Helpdesk",
        ["Branding:SupportEmail"] = SupportEmail,
        ["Branding:SupportPhone"] = SupportPhone,
        ["Accounts:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Accounts:KeepSignedInLifetime"] = "2.00:00:00",
    };
}
