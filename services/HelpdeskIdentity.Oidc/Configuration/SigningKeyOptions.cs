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

    /// <summary>
    /// How often an instance reads the key table again to notice keys another instance or an operator
    /// (<c>keys rotate</c>) added (1 second to 5 minutes): the longest an immediate rotation takes to reach it.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
