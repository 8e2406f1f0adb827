namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// A row of <c>password_reset_requests</c>: an address someone typed on the forgot-password page, waiting
/// for the background worker. The page only inserts it, so the answer takes as long whether or not the
/// address has an account (docs/decisions/0012-password-reset.md).
/// </summary>
public class PasswordResetRequestRecord
{
    public Guid Id { get; set; }

    /// <summary>The canonical (normalised) address.</summary>
    public required string Email { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The page language the request was made in: the e-mail is written in it.</summary>
    public string? Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>set-password</c> (a link) or <c>sign-in-code</c> (a code, docs/decisions/0036).</summary>
    public string Purpose { get; set; } = Accounts.PasswordReset.PasswordResetRequest.SetPasswordPurpose;

    /// <summary>How many times the worker failed to handle it (given up after <c>Accounts:RequestAttempts</c>).</summary>
    public int Attempts { get; set; }
}
