namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>An account as it was before its address changed: where the "your address was changed" notice goes, and in which language.</summary>
public sealed record EmailChangeAccount(Guid Id, string OldEmail, string? DisplayName, string? Language);
