namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Configuration section <c>Accounts</c>: lockout after failed sign-ins, and how long a session lasts.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public AccountLockoutOptions Lockout { get; set; } = new();

    /// <summary>A session unused this long ends (it slides while used); also the lifetime of a "keep me signed in" cookie.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);
}
