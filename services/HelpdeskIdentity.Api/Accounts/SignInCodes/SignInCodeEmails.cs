using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>The e-mails answering "e-mail me a sign-in code", in the current language (the worker sets the request's).</summary>
public sealed class SignInCodeEmails(IOptions<BrandingOptions> branding, EmailLinks links, EmailLayout layout)
{
    public const string CodeCategory = "sign-in-code";
    public const string NoAccountCategory = "sign-in-code-no-account";

    private string Product => branding.Value.ProductName;

    /// <summary>The code, and a button that opens the code form filled in (the form still has to be sent: a link scanner signs nobody in).</summary>
    public EmailMessage Code(string address, string? name, string code, Guid requestId, TimeSpan lifetime)
    {
        var link = links.Build(PagePaths.SignInCodeVerify, ("login_hint", address), ("code", code), (UiLocalesCultureProvider.Parameter, Languages.Current));
        return layout.Render(new EmailContent(address, name, SignInCodeText.CodeEmailSubject,
            [SignInCodeText.CodeEmailLead(Product, code), SignInCodeText.CodeEmailAction((int)Math.Ceiling(lifetime.TotalMinutes))],
            new EmailAction(SignInCodeText.CodeEmailButton, link), SignInCodeText.CodeEmailIgnore,
            $"sign-in-code:{requestId}", CodeCategory));
    }

    /// <summary>The answer for an address no account uses, as forgot-password gives.</summary>
    public EmailMessage NoAccount(string address, Guid requestId) =>
        layout.Render(new EmailContent(address, null, SignInCodeText.CodeEmailSubject,
            [SignInCodeText.CodeNoAccountLead(Product, address), SignInCodeText.CodeNoAccountHint], null, SignInCodeText.CodeEmailIgnore,
            $"sign-in-code:{requestId}", NoAccountCategory));
}
