namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>A rule a candidate password broke: a stable code (<see cref="PasswordRuleCodes"/>) and a message in the current language.</summary>
public sealed record PasswordViolation(string Code, string Message);
