using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>Configuration section <c>Branding</c>: what every page shows about the helpdesk.</summary>
public sealed class BrandingOptions
{
    public const string Section = "Branding";

    [Required(ErrorMessage = "Branding:ProductName must not be empty.")]
    [StringLength(100, ErrorMessage = "Branding:ProductName is at most 100 characters.")]
    public string ProductName { get; set; } = "HelpdeskIdentity";

    /// <summary>The support address every page shows; required, checked by the mailbox parser.</summary>
    public string SupportEmail { get; set; } = "";

    [RegularExpression(@"^\+?[0-9][0-9 ()\-]{2,29}$", ErrorMessage = "Branding:SupportPhone must be a phone number such as +31 20 123 4567.")]
    public string? SupportPhone { get; set; }

    /// <summary>Written into CSS, so nothing but <c>#rrggbb</c> is accepted.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Branding:PrimaryColor must be a colour like #1f4e79.")]
    public string PrimaryColor { get; set; } = "#1f4e79";

    /// <summary>An absolute http(s) address of the logo e-mails show (about 32 px high); the product name when unset.</summary>
    public Uri? LogoUrl { get; set; }
}
