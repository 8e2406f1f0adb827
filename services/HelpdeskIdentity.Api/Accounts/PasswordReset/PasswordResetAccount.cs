namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>The account a forgot-password request names: where the link goes, and how to greet its owner.</summary>
public sealed record PasswordResetAccount(Guid Id, string Email, string? DisplayName);
