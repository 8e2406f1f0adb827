using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>Configuration section <c>Oidc</c>: the issuer, token lifetimes and signing key rotation.</summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>The public origin tokens are issued under, e.g. <c>https://id.example.com</c>; never taken from the Host header.</summary>
    [Required(ErrorMessage = "Oidc:Issuer is required, e.g. https://id.example.com")]
    [Url(ErrorMessage = "Oidc:Issuer must be an absolute http(s) URL.")]
    public string Issuer { get; set; } = "";

    /// <summary>Where the authorization endpoint sends a browser that must sign in (a host page).</summary>
    public string LoginPath { get; set; } = "/account/login";

    /// <summary>Where <c>prompt=create</c> sends the browser (a host page that opens an account, then continues the request).</summary>
    public string RegistrationPath { get; set; } = "/account/register";

    [Range(typeof(TimeSpan), "00:00:10", "00:10:00", ErrorMessage = "Oidc:AuthorizationCodeLifetime must be between 10 s and 10 min.")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Oidc:AccessTokenLifetime must be between 1 min and 1 day.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Oidc:IdTokenLifetime must be between 1 min and 1 day.")]
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A refresh token unused this long expires (it slides on each use).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00", ErrorMessage = "Oidc:RefreshTokenSlidingLifetime must be between 5 min and 365 days.")]
    public TimeSpan RefreshTokenSlidingLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>No refresh token outlives its first issue by more than this.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00", ErrorMessage = "Oidc:RefreshTokenAbsoluteLifetime must be between 5 min and 365 days.")]
    public TimeSpan RefreshTokenAbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a refresh token just rotated still works, for a client whose request succeeded but whose response was lost
    /// (a mobile network, a timeout): its retry gets new tokens instead of ending the whole chain as a reuse. Beyond it,
    /// reuse revokes every token of the grant (RFC 9700 §4.14.2).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Oidc:RefreshTokenReuseLeeway must be between 0 and 60 seconds.")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(10);

    public SigningKeyOptions SigningKeys { get; set; } = new();

    /// <summary>The registered clients; seeded into the database at start-up.</summary>
    public List<Clients.OidcClient> Clients { get; set; } = [];

    /// <summary>Scopes for APIs beyond the standard identity scopes (openid, profile, email, organization, offline_access).</summary>
    public List<ApiScope> ApiScopes { get; set; } = [];

    /// <summary>The API scopes among <paramref name="scopes"/> (granted, asked for, or a client's allowed ones).</summary>
    public IEnumerable<ApiScope> ApiScopesAmong(IEnumerable<string> scopes) => ApiScopes.Where(s => scopes.Contains(s.Name, StringComparer.Ordinal));

    /// <summary>The longest time a token signed now stays valid: how long a retired key stays published.</summary>
    public TimeSpan LongestTokenLifetime =>
        new[] { AccessTokenLifetime, IdTokenLifetime }.Max();
}
