namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>A set-password link that still works: its stored hash, its account and address, and the sign-in it continues.</summary>
public sealed record PasswordResetLink(string TokenHash, Guid AccountId, string Email, string? ReturnUrl);
