namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// A set-password link that still works: its stored hash, its account and address, the sign-in it continues, and whether
/// the account has a second factor (then the link alone does not change the password, docs/decisions/0037).
/// </summary>
public sealed record PasswordResetLink(string TokenHash, Guid AccountId, string Email, string? ReturnUrl, bool TwoFactorEnabled = false);
