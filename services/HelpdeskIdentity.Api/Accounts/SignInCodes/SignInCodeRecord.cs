namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>
/// A row of <c>sign_in_codes</c>: the one outstanding e-mailed sign-in code of an account, stored only as
/// SHA-256 of the account id and the code (docs/decisions/0036-email-sign-in-code.md).
/// </summary>
public class SignInCodeRecord
{
    public Guid AccountId { get; set; }

    /// <summary>Lower-case hex SHA-256 of <c>account id:code</c>.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Wrong codes typed for this one; at the configured maximum the code is deleted.</summary>
    public int FailedAttempts { get; set; }

    public string? ReturnUrl { get; set; }
}
