namespace HelpdeskIdentity.Api.Data;

/// <summary>A row of <c>authorization_codes</c>; the code itself is never stored, only its SHA-256.</summary>
public class AuthorizationCodeRecord
{
    public required string CodeHash { get; set; }

    public required string ClientId { get; set; }

    public required string RedirectUri { get; set; }

    public required string SubjectId { get; set; }

    public required string SessionId { get; set; }

    public DateTimeOffset AuthenticatedAt { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>How the user signed in (RFC 8176 <c>amr</c>), copied from the session into the ID token.</summary>
    public List<string> Amr { get; set; } = [];

    public string? Nonce { get; set; }

    public string? CodeChallenge { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>Set when the code is presented again after it was spent.</summary>
    public DateTimeOffset? ReplayedAt { get; set; }

    public string? AccessTokenId { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    public Guid? RefreshFamilyId { get; set; }
}
