namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>A scope that grants access to an API; access tokens carrying it are issued for <see cref="Audience"/>.</summary>
public sealed class ApiScope
{
    public string Name { get; set; } = "";

    public string Audience { get; set; } = "";

    public string Description { get; set; } = "";
}
