using System.Net;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>The three e-mails of the password flows, HTML and text, English (translation comes later).</summary>
public sealed class PasswordResetEmails(IOptions<BrandingOptions> branding, EmailLinks links)
{
    public const string SetPasswordCategory = "password-reset";
    public const string NoAccountCategory = "password-reset-no-account";
    public const string PasswordChangedCategory = "password-changed";

    private BrandingOptions Brand => branding.Value;

    /// <summary>The link to set a password: claims an unclaimed account, resets a claimed one.</summary>
    public EmailMessage SetPassword(PasswordResetAccount account, string handle, Guid requestId, TimeSpan lifetime)
    {
        var link = links.Build("/account/set-password", ("token", handle)).AbsoluteUri;
        var minutes = (int)lifetime.TotalMinutes;
        var lead = $"Someone (we hope you) asked to set a password for your {Brand.ProductName} account {account.Email}.";
        var action = $"Set your password here; the link works once, for {minutes} minutes:";
        var ignore = "If you did not ask for this, ignore this e-mail: your account stays as it is.";
        return Message(account.Email, account.DisplayName, "Set your password", $"password-reset:{requestId}", SetPasswordCategory,
            [lead, action], link, ignore);
    }

    /// <summary>The answer for an address no account uses: nothing to reset, try the address the helpdesk knows.</summary>
    public EmailMessage NoAccount(string address, Guid requestId)
    {
        var lead = $"Someone (we hope you) asked to set a password for the {Brand.ProductName} portal with this address, {address}. No portal account uses this address.";
        var hint = "Your account uses the address you e-mailed the helpdesk from. Try that address on the forgot-password page.";
        var ignore = "If you did not ask for this, ignore this e-mail.";
        return Message(address, null, "Set your password", $"password-reset:{requestId}", NoAccountCategory, [lead, hint], null, ignore);
    }

    /// <summary>The notice after a password was set: if it was not the owner, support must hear of it.</summary>
    public EmailMessage PasswordChanged(string address, string? name, string key)
    {
        var lead = $"The password of your {Brand.ProductName} account {address} was just changed, and every other session was signed out.";
        var warning = "If you did not do this, contact support at once.";
        return Message(address, name, "Your password was changed", $"password-changed:{key}", PasswordChangedCategory, [lead], null, warning);
    }

    private EmailMessage Message(string to, string? name, string subject, string key, string category, string[] paragraphs, string? link, string closing)
    {
        var support = Brand.SupportPhone is { } phone ? $"{Brand.SupportEmail} or {phone}" : Brand.SupportEmail;
        var supportLine = $"Questions? Contact support: {support}.";
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";

        var text = string.Join("\n\n",
            new[] { greeting }.Concat(paragraphs).Concat(link is null ? [] : [link]).Concat([closing, supportLine]));
        var html = string.Concat(
            $"<p>{Encode(greeting)}</p>",
            string.Concat(paragraphs.Select(p => $"<p>{Encode(p)}</p>")),
            link is null ? "" : $"<p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>",
            $"<p>{Encode(closing)}</p>",
            $"<p>Questions? Contact support: <a href=\"mailto:{Encode(Brand.SupportEmail)}\">{Encode(Brand.SupportEmail)}</a>",
            Brand.SupportPhone is { } p2 ? $" or {Encode(p2)}" : "",
            ".</p>");
        return new EmailMessage(to, name, $"[{Brand.ProductName}] {subject}", html, text, key, category);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
