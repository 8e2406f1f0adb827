namespace HelpdeskIdentity.Api.Audit;

/// <summary>Every type of audit event (docs/events.md). Stable strings: a SIEM filters on them.</summary>
public static class AuditEventTypes
{
    /// <summary>Detail: <c>ticket</c>, <c>registration</c> or <c>operator</c>.</summary>
    public const string AccountCreated = "account.created";
    public const string PasswordResetRequested = "password_reset.requested";
    public const string PasswordResetCompleted = "password_reset.completed";
    public const string SignInSucceeded = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    public const string SignInLockedOut = "sign_in.locked_out";
    public const string PasswordChanged = "password.changed";
    public const string EmailChangeRequested = "email_change.requested";
    public const string EmailChangeConfirmed = "email_change.confirmed";
    public const string SessionEnded = "session.ended";

    /// <summary>The authenticator app. Detail: <c>turned_on</c>, <c>turned_off</c> or <c>new_recovery_codes</c>.</summary>
    public const string TwoFactorChanged = "two_factor.changed";

    /// <summary>Detail: <c>account_page</c> or <c>set_password_link</c> (claimed with a passkey instead of a password).</summary>
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";

    /// <summary>Detail: <c>code</c> or <c>refresh_token</c>.</summary>
    public const string TokenReplayDetected = "token.replay_detected";

    /// <summary>Detail: the action (<c>lock</c>, <c>unlock</c>, <c>disable</c>…, <c>read</c>); client id: the caller.</summary>
    public const string AdminAction = "admin.action";
    public const string AccountErased = "account.erased";
    public const string AccountExported = "account.exported";

    public static readonly IReadOnlyList<string> All =
    [
        AccountCreated, PasswordResetRequested, PasswordResetCompleted, SignInSucceeded, SignInFailed, SignInLockedOut,
        PasswordChanged, EmailChangeRequested, EmailChangeConfirmed, SessionEnded, TwoFactorChanged, PasskeyAdded, PasskeyRemoved, TokenReplayDetected, AdminAction,
        AccountErased, AccountExported,
    ];
}
