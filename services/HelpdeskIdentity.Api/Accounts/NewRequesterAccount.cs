namespace HelpdeskIdentity.Api.Accounts;

/// <summary>An account intake has just inserted, inside its still-open transaction: its id, address (display form) and name.</summary>
public sealed record NewRequesterAccount(Guid Id, string Email, string? DisplayName);
