namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// What setting a password through a link did: <see cref="LinkInvalid"/> when the link stopped working
/// meanwhile, else the policy's <see cref="Errors"/> (nothing changed) or, when empty, the new password is set.
/// </summary>
public sealed record PasswordResetResult(bool LinkInvalid, IReadOnlyList<string> Errors)
{
    public bool Succeeded => !LinkInvalid && Errors.Count == 0;

    public static PasswordResetResult Done { get; } = new(false, []);

    public static PasswordResetResult Invalid { get; } = new(true, []);

    public static PasswordResetResult Refused(IEnumerable<string> errors) => new(false, [.. errors]);
}
