namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// A forgot-password request waiting for the worker: the canonical address typed, where the user came from, the page
/// language, and what to send — a set-password link, or an e-mailed sign-in code (<see cref="SignInCodePurpose"/>).
/// </summary>
public sealed record PasswordResetRequest(Guid Id, string Email, string? ReturnUrl, string? Language, string Purpose = PasswordResetRequest.SetPasswordPurpose) : IWorkerRequest
{
    public const string SetPasswordPurpose = "set-password";
    public const string SignInCodePurpose = "sign-in-code";
}
