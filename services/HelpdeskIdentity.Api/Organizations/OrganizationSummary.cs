namespace HelpdeskIdentity.Api.Organizations;

/// <summary>An organisation, its domains (lower-case A-labels, sorted) and the number of accounts in it.</summary>
public sealed record OrganizationSummary(Guid Id, string Name, IReadOnlyList<string> Domains, long Accounts);
