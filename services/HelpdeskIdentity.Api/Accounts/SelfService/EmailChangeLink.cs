namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>An e-mail change link that works (or was just spent): its stored hash, its account, and the new address (display form).</summary>
public sealed record EmailChangeLink(string TokenHash, Guid AccountId, string NewEmail);
