namespace HelpdeskIdentity.TestSupport;

/// <summary>A RequesterAccountCreated as a subscriber on the broker sees it.</summary>
public sealed record PublishedEvent(string MessageId, Guid AccountId, string Email, string TicketId, string? OrganizationDomain, IReadOnlyList<string> MessageTypes);
