namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>Configuration section <c>Oidc:SigningKeys</c>: how keys rotate (checked by <see cref="OidcOptionsValidator"/>).</summary>
public sealed class SigningKeyOptions
{
    public static readonly TimeSpan MinimumRotationInterval = TimeSpan.FromHours(1);

    public static readonly TimeSpan MinimumAnnounceBefore = TimeSpan.FromHours(1);

    /// <summary>How long a key signs before the next one takes over (1 hour to 365 days).</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a new key is published in JWKS before it signs anything, so clients' caches pick it up
    /// (at least 1 hour, less than the rotation interval).
    /// </summary>
    public TimeSpan AnnounceBefore { get; set; } = TimeSpan.FromDays(2);
}
