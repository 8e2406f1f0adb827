namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>A running service with the test clients registered.</summary>
public sealed class OidcFixture(LocalServers servers) : IntakeFixture(servers)
{
    protected override IDictionary<string, string?> Settings => TestClients.Settings();
}
