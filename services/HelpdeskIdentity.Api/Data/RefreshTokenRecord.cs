namespace HelpdeskIdentity.Api.Data;

/// <summary>A row of <c>refresh_tokens</c>; the token itself is never stored, only its SHA-256.</summary>
public class RefreshTokenRecord
{
    public required string TokenHash { get; set; }

    public Guid FamilyId { get; set; }

    public required string ClientId { get; set; }

    public required string SubjectId { get; set; }

    public required string SessionId { get; set; }

    public DateTimeOffset AuthenticatedAt { get; set; }

    public List<string> Scopes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset FamilyExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
