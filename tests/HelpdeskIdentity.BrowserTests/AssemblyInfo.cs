using HelpdeskIdentity.BrowserTests.Infrastructure;

// One service, one demo portal, one PostgreSQL and one RabbitMQ for every journey; each journey uses its own addresses.
[assembly: AssemblyFixture(typeof(PortalStack))]
