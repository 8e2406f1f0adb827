namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>A forgot-password request waiting for the worker: the canonical address typed, and where the user came from.</summary>
public sealed record PasswordResetRequest(Guid Id, string Email, string? ReturnUrl);
