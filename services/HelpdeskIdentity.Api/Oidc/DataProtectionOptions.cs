namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// Configuration section <c>DataProtection</c>. The key ring lives in PostgreSQL; with a certificate
/// configured, its keys are themselves encrypted at rest with it (recommended in production).
/// </summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the key ring.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>In Production, start without a certificate anyway (the ring stays plain XML); logged at every start (docs/decisions/0025).</summary>
    public bool AllowUnencryptedKeys { get; set; }
}
