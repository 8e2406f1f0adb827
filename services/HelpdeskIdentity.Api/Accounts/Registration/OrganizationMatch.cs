namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>The organisation that owns a domain exactly, with all of its domains (lower-case A-labels) and its operator's switch.</summary>
public sealed record OrganizationMatch(Guid Id, IReadOnlyList<string> Domains, bool? SelfRegistration = null);
