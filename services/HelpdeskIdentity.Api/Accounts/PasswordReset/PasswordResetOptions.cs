namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>Configuration section <c>Accounts:PasswordReset</c>: the forgot-password and set-password pages.</summary>
public sealed class PasswordResetOptions
{
    /// <summary>How long a set-password link works (5 minutes to 7 days).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Whether setting a password also signs the browser in (and continues the sign-in it came from).</summary>
    public bool SignInAfterReset { get; set; } = true;

    /// <summary>How often the worker looks for requests another instance accepted (this instance's wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
