using System.Net;
using System.Text;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Every e-mail's frame, HTML and plain text, in the current language: "[Product] subject", the product
/// name (or <c>Branding:LogoUrl</c>) on a band of the brand colour, a greeting, the paragraphs, a button,
/// the closing line and the support contact and who sent it to whom. Inline styles only: mail clients drop style sheets.
/// </summary>
public sealed class EmailLayout(IOptions<BrandingOptions> branding)
{
    private BrandingOptions Brand => branding.Value;

    public EmailMessage Render(EmailContent content)
    {
        var greeting = string.IsNullOrWhiteSpace(content.ToName) ? EmailText.Greeting : EmailText.GreetingNamed(content.ToName);
        var subject = $"[{Brand.ProductName}] {content.Subject}";
        return new EmailMessage(content.ToAddress, content.ToName, subject, Html(content, greeting), Text(content, greeting),
            content.IdempotencyKey, content.Category);
    }

    private string Text(EmailContent content, string greeting)
    {
        var parts = new List<string> { greeting };
        parts.AddRange(content.Paragraphs);
        if (content.Action is { } action)
        {
            parts.Add($"{action.Label}:\n{action.Link.AbsoluteUri}");
        }

        parts.Add(content.Closing);
        var contact = Brand.SupportPhone is { } phone ? EmailText.SupportOr(Brand.SupportEmail, phone) : Brand.SupportEmail;
        parts.Add(EmailText.SupportLine(contact));
        parts.Add($"-- \n{EmailText.SentBy(Brand.ProductName, content.ToAddress)}");
        return string.Join("\n\n", parts);
    }

    private string Html(EmailContent content, string greeting)
    {
        var color = Brand.PrimaryColor; // validated #rrggbb
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>");
        html.Append("<body style=\"margin:0;padding:0;background:#f4f5f7;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;\">");
        html.Append("<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td align=\"center\" style=\"padding:24px 12px;\">");
        html.Append("<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"max-width:560px;background:#ffffff;border-radius:6px;\">");
        html.Append($"<tr><td style=\"background:{color};padding:16px 24px;border-radius:6px 6px 0 0;color:#ffffff;font-size:18px;font-weight:600;\">");
        html.Append(Brand.LogoUrl is { } logo
            ? $"<img src=\"{Encode(logo.AbsoluteUri)}\" alt=\"{Encode(Brand.ProductName)}\" height=\"32\" style=\"display:block;border:0;\">"
            : Encode(Brand.ProductName));
        html.Append("</td></tr><tr><td style=\"padding:24px;font-size:15px;line-height:1.5;\">");
        html.Append(Paragraph(greeting));
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append(Paragraph(paragraph));
        }

        if (content.Action is { } action)
        {
            var href = Encode(action.Link.AbsoluteUri);
            html.Append($"<p style=\"margin:24px 0;\"><a href=\"{href}\" style=\"background:{color};color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block;font-weight:600;\">{Encode(action.Label)}</a></p>");
            html.Append($"<p style=\"font-size:13px;color:#555555;\">{Encode(EmailText.LinkFallback)}<br><a href=\"{href}\" style=\"color:{color};word-break:break-all;\">{href}</a></p>");
        }

        html.Append(Paragraph(content.Closing));
        html.Append("</td></tr><tr><td style=\"padding:16px 24px;border-top:1px solid #e3e5e8;font-size:13px;color:#555555;\">");
        html.Append(SupportHtml());
        html.Append($"<br>{Encode(EmailText.SentBy(Brand.ProductName, content.ToAddress))}");
        html.Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    /// <summary>The support line with the address as a mailto link: the sentence is encoded around the link.</summary>
    private string SupportHtml()
    {
        const string Marker = "[[contact]]";
        var link = $"<a href=\"mailto:{Encode(Brand.SupportEmail)}\">{Encode(Brand.SupportEmail)}</a>";
        var contact = Brand.SupportPhone is { } phone ? EmailText.SupportOr(Marker, phone) : Marker;
        return Encode(EmailText.SupportLine(contact)).Replace(Encode(Marker), link, StringComparison.Ordinal);
    }

    private static string Paragraph(string text) => $"<p style=\"margin:0 0 16px;\">{Encode(text)}</p>";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
