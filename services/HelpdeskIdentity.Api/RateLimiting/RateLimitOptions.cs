namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimits</c>: how many form posts the sign-in, forgot-password, set-password,
/// register and account pages take per client IP and per e-mail address (docs/decisions/0013-rate-limits.md, 0015).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Where the windows are counted: <c>PostgreSql</c> (the default; every instance shares one budget) or
    /// <c>Memory</c> (each process its own; only for a single instance).
    /// </summary>
    public string Store { get; set; } = "PostgreSql";

    public RateLimitRule SignInPerClient { get; set; } = RateLimitRule.Of(20, TimeSpan.FromMinutes(1));

    public RateLimitRule SignInPerAddress { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(15));

    public RateLimitRule ForgotPasswordPerClient { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(1));

    public RateLimitRule ForgotPasswordPerAddress { get; set; } = RateLimitRule.Of(3, TimeSpan.FromMinutes(15));

    public RateLimitRule SetPasswordPerClient { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(1));

    public RateLimitRule RegisterPerClient { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(1));

    public RateLimitRule RegisterPerAddress { get; set; } = RateLimitRule.Of(3, TimeSpan.FromMinutes(15));

    /// <summary>
    /// Forgot-password and register posts for one address together: both mail that address (and a link voids the
    /// one before), so their own limits alone would let a stranger send it twice as many.
    /// </summary>
    public RateLimitRule EmailsPerAddress { get; set; } = RateLimitRule.Of(4, TimeSpan.FromMinutes(15));
    /// <summary>Posts of the change-password form (a wrong current password also counts toward lockout).</summary>
    public RateLimitRule ChangePasswordPerClient { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(1));

    /// <summary>Posts of the change-e-mail form: each one mails an address the user typed, so fewer.</summary>
    public RateLimitRule ChangeEmailPerClient { get; set; } = RateLimitRule.Of(5, TimeSpan.FromMinutes(15));

    /// <summary>Posts of the confirm-new-address page.</summary>
    public RateLimitRule ConfirmEmailPerClient { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(1));

    /// <summary><c>/connect/token</c> per client IP; unset (the default) means no limit, so load tests from one address run free.</summary>
    public RateLimitRule? TokenPerClient { get; set; }

    /// <summary>
    /// <c>/connect/par</c> per client IP: a public client's pushes need no credentials, and each one is a row (up to
    /// 64 KiB) kept until its <c>request_uri</c> expires, so unlimited pushes would fill the database.
    /// </summary>
    public RateLimitRule PushedAuthorizationPerClient { get; set; } = RateLimitRule.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Every configured rule with its configuration key, for validation.</summary>
    public IEnumerable<(string Key, RateLimitRule Rule)> Rules()
    {
        yield return ($"{Section}:{nameof(SignInPerClient)}", SignInPerClient);
        yield return ($"{Section}:{nameof(SignInPerAddress)}", SignInPerAddress);
        yield return ($"{Section}:{nameof(ForgotPasswordPerClient)}", ForgotPasswordPerClient);
        yield return ($"{Section}:{nameof(ForgotPasswordPerAddress)}", ForgotPasswordPerAddress);
        yield return ($"{Section}:{nameof(SetPasswordPerClient)}", SetPasswordPerClient);
        yield return ($"{Section}:{nameof(RegisterPerClient)}", RegisterPerClient);
        yield return ($"{Section}:{nameof(RegisterPerAddress)}", RegisterPerAddress);
        yield return ($"{Section}:{nameof(EmailsPerAddress)}", EmailsPerAddress);
        yield return ($"{Section}:{nameof(ChangePasswordPerClient)}", ChangePasswordPerClient);
        yield return ($"{Section}:{nameof(ChangeEmailPerClient)}", ChangeEmailPerClient);
        yield return ($"{Section}:{nameof(ConfirmEmailPerClient)}", ConfirmEmailPerClient);
        yield return ($"{Section}:{nameof(PushedAuthorizationPerClient)}", PushedAuthorizationPerClient);
        if (TokenPerClient is not null)
        {
            yield return ($"{Section}:{nameof(TokenPerClient)}", TokenPerClient);
        }
    }
}
