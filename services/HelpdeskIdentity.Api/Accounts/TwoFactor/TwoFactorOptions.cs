namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>Configuration section <c>Accounts:TwoFactor</c>: authenticator apps, recovery codes, remembered browsers (docs/decisions/0037).</summary>
public sealed class TwoFactorOptions
{
    /// <summary>How long "remember this browser" skips the second step (0: the choice is not offered; at most 90 days).</summary>
    public TimeSpan RememberBrowserFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many recovery codes are made at a time (5 to 20).</summary>
    public int RecoveryCodeCount { get; set; } = 10;

    /// <summary>Whether every account must have a second factor (docs/decisions/0040); <c>Optional</c> by default.</summary>
    public TwoFactorPolicy Policy { get; set; } = TwoFactorPolicy.Optional;

    /// <summary>Organisations (any one of their domains) whose people must have a second factor even when <see cref="Policy"/> is <c>Optional</c>.</summary>
    public List<string> RequiredForOrganizations { get; set; } = [];
}

/// <summary>Whether a second factor is up to each person or required of everyone.</summary>
public enum TwoFactorPolicy
{
    Optional,
    Required,
}
