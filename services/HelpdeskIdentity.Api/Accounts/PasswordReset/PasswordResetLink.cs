namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// A set-password link that still works: its stored hash, its account and address, the sign-in it continues,
/// whether the account has a confirmed name yet (if not, the page asks for one, pre-filled with the suggestion), and
/// whether the account has a second factor (then the link alone does not change the password, docs/decisions/0037).
/// </summary>
public sealed record PasswordResetLink(string TokenHash, Guid AccountId, string Email, string? ReturnUrl, bool HasName, string? SuggestedName,
    bool TwoFactorEnabled = false);
