namespace HelpdeskIdentity.Api.Organizations;

/// <summary>Configuration section <c>Organizations</c>.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organizations";

    /// <summary>More public mail providers ("name.*" for any suffix), added to the bundled list.</summary>
    public List<string> ExtraPublicMailDomains { get; set; } = [];

    /// <summary>Domains on the bundled list that should form organisations here after all.</summary>
    public List<string> NotPublicMailDomains { get; set; } = [];
}
