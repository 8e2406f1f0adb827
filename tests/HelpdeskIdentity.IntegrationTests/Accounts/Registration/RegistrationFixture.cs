using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>The service in the default registration mode (known-domains), with the test clients and the reset tests' brand.</summary>
public sealed class RegistrationFixture(LocalServers servers) : IntakeFixture(servers)
{
    protected override IDictionary<string, string?> Settings => Registering.Settings("known-domains");
}
