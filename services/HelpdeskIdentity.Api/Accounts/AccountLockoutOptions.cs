namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Configuration section <c>Accounts:Lockout</c>.</summary>
public sealed class AccountLockoutOptions
{
    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account refuses every password, the right one included.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
