using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The service with seed 001's legacy password policy and a history of three.</summary>
public sealed class LegacyPolicyFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const int HistoryCount = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:PasswordPolicy:Preset"] = "legacy",
        ["Accounts:PasswordPolicy:ForbiddenCharacters"] = "åäö",
        ["Accounts:PasswordPolicy:HistoryCount"] = HistoryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
