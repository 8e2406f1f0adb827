namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// A row of <c>password_reset_tokens</c>: one set-password link. Only the SHA-256 of the link's handle is
/// stored. A link is usable while it is neither consumed nor voided and has not expired.
/// </summary>
public class PasswordResetTokenRecord
{
    /// <summary>Lower-case hex SHA-256 of the base64url handle in the link.</summary>
    public required string TokenHash { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link set a password.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>When a newer link or a password change made this one useless.</summary>
    public DateTimeOffset? VoidedAt { get; set; }

    /// <summary>The local <c>/connect/authorize?…</c> URL the request came from, or null.</summary>
    public string? ReturnUrl { get; set; }
}
