namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>A forgot-password request waiting for the worker: the canonical address typed, where the user came from, and the page language.</summary>
public sealed record PasswordResetRequest(Guid Id, string Email, string? ReturnUrl, string? Language);
