namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// A row of <c>registration_tokens</c>: one verification link. Only the SHA-256 of the link's handle is stored.
/// The account does not exist yet: it is created, verified, when the page the link opens is submitted.
/// </summary>
public class RegistrationTokenRecord
{
    /// <summary>Lower-case hex SHA-256 of the base64url handle in the link.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The address to register, as people read it (lower-case local part, Unicode domain).</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The local <c>/connect/authorize?…</c> URL the request came from, or null.</summary>
    public string? ReturnUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>When a newer link for the address made this one useless.</summary>
    public DateTimeOffset? VoidedAt { get; set; }
}
