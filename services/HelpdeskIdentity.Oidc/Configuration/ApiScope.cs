namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>A scope that grants access to an API; access tokens carrying it are issued for <see cref="Audience"/>.</summary>
public sealed class ApiScope
{
    public string Name { get; set; } = "";

    public string Audience { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The audience as an RFC 8707 resource, when it is an absolute URI (a URN will do); null otherwise.</summary>
    public Uri? Resource => Uri.IsWellFormedUriString(Audience, UriKind.Absolute) ? new Uri(Audience) : null;
}
