using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.MailAddresses;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>Checks <c>Branding</c>: the product's name, the support address and phone, the colour and the logo.</summary>
internal sealed partial class BrandingOptionsValidator : OptionsValidator<BrandingOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(BrandingOptions o)
    {
        yield return (!string.IsNullOrWhiteSpace(o.ProductName), "Branding:ProductName must not be empty.");
        yield return (o.ProductName is null || o.ProductName.Length <= 100, "Branding:ProductName is at most 100 characters.");
        yield return (string.IsNullOrEmpty(o.SupportPhone) || Phone().IsMatch(o.SupportPhone),
            "Branding:SupportPhone must be a phone number such as +31 20 123 4567.");
        yield return (string.IsNullOrEmpty(o.PrimaryColor) || Colour().IsMatch(o.PrimaryColor), "Branding:PrimaryColor must be a colour like #1f4e79.");
        yield return (MailboxParser.Parse(o.SupportEmail).Mailbox is { DisplayName: null },
            "Branding:SupportEmail must be the helpdesk's support address, e.g. support@example.com.");
        yield return (o.LogoUrl is null || (o.LogoUrl.IsAbsoluteUri && o.LogoUrl.Scheme is "https" or "http"),
            "Branding:LogoUrl must be an absolute http(s) address, e.g. https://helpdesk.example/logo.png.");
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{2,29}\z")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^#[0-9a-fA-F]{6}\z")]
    private static partial Regex Colour();
}
