using HelpdeskIdentity.Api.Accounts.Invitation;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Accounts.TwoFactor;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Configuration section <c>Accounts</c>: lockout after failed sign-ins, how long a session lasts, password resets, e-mail changes, invitations, and how long spent links are kept.
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public AccountLockoutOptions Lockout { get; set; } = new();

    public PasswordResetOptions PasswordReset { get; set; } = new();

    public SignInCodeOptions SignInCode { get; set; } = new();

    public TwoFactorOptions TwoFactor { get; set; } = new();

    public EmailChangeOptions EmailChange { get; set; } = new();

    public InvitationOptions Invitation { get; set; } = new();

    /// <summary>The absolute lifetime of a session signed in without "keep me signed in": it ends then, however active.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The absolute lifetime of a session signed in with "keep me signed in" (and of its cookie).</summary>
    public TimeSpan KeepSignedInLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a sign-in (or a confirmation of the password) lets the person change how the account signs in — the
    /// second factor, recovery codes, passkeys — before they must prove who they are again (1 minute to 1 hour; docs/decisions/0056).
    /// </summary>
    public TimeSpan ReauthenticateAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long used, voided and expired set-password and e-mail change links are kept before the pruner deletes them (1 hour to 365 days).</summary>
    public TimeSpan LinkRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many times a forgot-password or register request may fail before the worker gives it up (1 to 100).</summary>
    public int RequestAttempts { get; set; } = 5;
}
