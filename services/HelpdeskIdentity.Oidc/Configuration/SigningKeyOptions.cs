using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>Configuration section <c>Oidc:SigningKeys</c>: how keys rotate.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>How long a key signs before the next one takes over.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00", ErrorMessage = "Oidc:SigningKeys:RotationInterval must be between 1 hour and 365 days.")]
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a new key is published in JWKS before it signs anything, so clients' caches pick it up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Oidc:SigningKeys:AnnounceBefore must be between 0 and 30 days.")]
    public TimeSpan AnnounceBefore { get; set; } = TimeSpan.FromDays(2);
}
