namespace HelpdeskIdentity.TestSupport;

/// <summary>A database and a virtual host that belong to one test class.</summary>
public sealed record TestEnvironment(string ConnectionString, string AmqpUrl);
