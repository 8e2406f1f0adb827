using HelpdeskIdentity.IntegrationTests.Infrastructure;

[assembly: AssemblyFixture(typeof(LocalServers))]
