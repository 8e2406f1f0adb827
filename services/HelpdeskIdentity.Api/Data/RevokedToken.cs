namespace HelpdeskIdentity.Api.Data;

/// <summary>An access token revoked before its expiry, by <c>jti</c>.</summary>
public class RevokedToken
{
    public required string TokenId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
