using HelpdeskIdentity.Api.Accounts.PasswordReset;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Configuration section <c>Accounts</c>: lockout after failed sign-ins, how long a session lasts, and password resets.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public AccountLockoutOptions Lockout { get; set; } = new();

    public PasswordResetOptions PasswordReset { get; set; } = new();

    /// <summary>A session unused this long ends (it slides while used); also the lifetime of a "keep me signed in" cookie.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);
}
