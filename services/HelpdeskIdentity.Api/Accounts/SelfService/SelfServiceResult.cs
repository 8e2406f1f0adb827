namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>
/// What a signed-in user's change did: <see cref="Status"/> says whether it happened or why not, and
/// <see cref="Errors"/> holds the password policy's messages when the new password was refused.
/// </summary>
public sealed record SelfServiceResult(SelfServiceStatus Status, IReadOnlyList<string> Errors)
{
    public static SelfServiceResult Done { get; } = new(SelfServiceStatus.Done, []);

    public static SelfServiceResult WrongPassword { get; } = new(SelfServiceStatus.WrongPassword, []);

    public static SelfServiceResult LockedOut { get; } = new(SelfServiceStatus.LockedOut, []);

    public static SelfServiceResult Refused(IEnumerable<string> errors) => new(SelfServiceStatus.Refused, [.. errors]);

    /// <summary>The current password the user typed did not pass (wrong, or the account is locked).</summary>
    public static SelfServiceResult? FromPasswordCheck(PasswordSignInStatus status) => status switch
    {
        PasswordSignInStatus.Succeeded => null,
        PasswordSignInStatus.LockedOut => LockedOut,
        _ => WrongPassword,
    };
}
