namespace HelpdeskIdentity.Api.Organizations;

/// <summary>An organisation, its domains (lower-case A-labels, sorted), the number of accounts in it, and its operator's self-registration switch.</summary>
public sealed record OrganizationSummary(Guid Id, string Name, IReadOnlyList<string> Domains, long Accounts, bool? SelfRegistration, DateTimeOffset CreatedAt);
