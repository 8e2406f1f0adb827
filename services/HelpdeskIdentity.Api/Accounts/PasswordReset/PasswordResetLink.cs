namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// A set-password link that still works: its stored hash, its account and address, the sign-in it continues, and
/// whether the account has a confirmed name yet (if not, the page asks for one, pre-filled with the suggestion).
/// </summary>
public sealed record PasswordResetLink(string TokenHash, Guid AccountId, string Email, string? ReturnUrl, bool HasName, string? SuggestedName);
