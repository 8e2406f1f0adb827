using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The service with invitations on (<c>Accounts:Invitation:Enabled</c>) and Dutch as the default language.</summary>
public sealed class InvitationFixture(LocalServers servers) : IntakeFixture(servers)
{
    protected override IDictionary<string, string?> Settings => SelfServiceFixture.Configure(new Dictionary<string, string?>
    {
        ["Accounts:Invitation:Enabled"] = "true",
        ["Languages:Default"] = "nl",
    });
}
