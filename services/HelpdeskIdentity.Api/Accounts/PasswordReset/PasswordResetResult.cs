namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// What setting a password through a link did: <see cref="LinkInvalid"/> when the link stopped working
/// meanwhile, the <see cref="SecondFactorError"/> when the account's second-factor code was missing or wrong, else
/// the policy's <see cref="Errors"/> (nothing changed) or, when empty, the new password is set.
/// </summary>
public sealed record PasswordResetResult(bool LinkInvalid, IReadOnlyList<string> Errors, string? SecondFactorError = null)
{
    public bool Succeeded => !LinkInvalid && Errors.Count == 0 && SecondFactorError is null;

    public static PasswordResetResult SecondFactorRefused(string error) => new(false, [], error);

    public static PasswordResetResult Done { get; } = new(false, []);

    public static PasswordResetResult Invalid { get; } = new(true, []);

    public static PasswordResetResult Refused(IEnumerable<string> errors) => new(false, [.. errors]);
}
