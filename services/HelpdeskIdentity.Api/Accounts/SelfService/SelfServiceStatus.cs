namespace HelpdeskIdentity.Api.Accounts.SelfService;

public enum SelfServiceStatus
{
    Done,

    /// <summary>The current password typed is not the account's (it counted toward lockout).</summary>
    WrongPassword,

    /// <summary>The account is locked after too many wrong passwords: nothing is checked or changed.</summary>
    LockedOut,

    /// <summary>The new password breaks the policy (see <see cref="SelfServiceResult.Errors"/>); nothing changed.</summary>
    Refused,
}
