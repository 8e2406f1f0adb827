namespace HelpdeskIdentity.Api.Data;

/// <summary>A row of <c>signing_keys</c>; see <c>HelpdeskIdentity.Oidc.Keys.StoredSigningKey</c>.</summary>
public class SigningKeyRecord
{
    public required string KeyId { get; set; }

    public required string Algorithm { get; set; }

    /// <summary>PKCS#8, encrypted with Data Protection: never in the clear at rest.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public required string PublicJwk { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ActivatesAt { get; set; }

    public DateTimeOffset RetiresAt { get; set; }
}
