namespace HelpdeskIdentity.Api.Pages;

/// <summary>Configuration section <c>Branding</c>: what every page shows about the helpdesk.</summary>
public sealed class BrandingOptions
{
    public const string Section = "Branding";

    public string ProductName { get; set; } = "HelpdeskIdentity";

    /// <summary>The support address every page shows; required, checked by the mailbox parser.</summary>
    public string SupportEmail { get; set; } = "";

    public string? SupportPhone { get; set; }

    /// <summary>Written into CSS, so nothing but <c>#rrggbb</c> is accepted.</summary>
    public string PrimaryColor { get; set; } = "#1f4e79";

    /// <summary>An absolute http(s) address of the logo e-mails show (about 32 px high); the product name when unset.</summary>
    public Uri? LogoUrl { get; set; }
}
