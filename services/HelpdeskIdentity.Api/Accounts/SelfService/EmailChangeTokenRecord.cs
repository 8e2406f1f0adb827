namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>
/// A row of <c>email_change_tokens</c>: one confirmation link sent to a new address. Only the SHA-256 of the
/// link's handle is stored. A link is usable while it is neither consumed nor voided and has not expired.
/// </summary>
public class EmailChangeTokenRecord
{
    /// <summary>Lower-case hex SHA-256 of the base64url handle in the link.</summary>
    public required string TokenHash { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The address as the user typed it, in its display form (<c>local@unicode-domain</c>); parsed again on confirmation.</summary>
    public required string NewEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link changed the address.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>When a newer request, or another change of the address, made this one useless.</summary>
    public DateTimeOffset? VoidedAt { get; set; }
}
