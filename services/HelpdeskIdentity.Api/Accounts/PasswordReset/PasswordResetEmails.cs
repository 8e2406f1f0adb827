using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>The three e-mails of the password flows, in the current language (callers away from a request set it).</summary>
public sealed class PasswordResetEmails(IOptions<BrandingOptions> branding, EmailLinks links, EmailLayout layout)
{
    public const string SetPasswordCategory = "password-reset";
    public const string NoAccountCategory = "password-reset-no-account";
    public const string PasswordChangedCategory = "password-changed";

    private string Product => branding.Value.ProductName;

    /// <summary>The link to set a password: claims an unclaimed account, resets a claimed one. It opens in the e-mail's language.</summary>
    public EmailMessage SetPassword(PasswordResetAccount account, string handle, Guid requestId, TimeSpan lifetime)
    {
        var link = links.Build(PagePaths.SetPassword, ("token", handle), (UiLocalesCultureProvider.Parameter, Languages.Current));
        return layout.Render(new EmailContent(account.Email, account.GreetingName, EmailText.SetPasswordSubject,
            [EmailText.SetPasswordLead(Product, account.Email), EmailText.SetPasswordAction((int)lifetime.TotalMinutes)],
            new EmailAction(EmailText.SetPasswordButton, link), EmailText.SetPasswordIgnore,
            $"password-reset:{requestId}", SetPasswordCategory));
    }

    /// <summary>
    /// The answer for an address no account uses: nothing to reset, try the address the helpdesk knows — and, when
    /// <paramref name="registerLink"/> is given (the address may register itself), a button to register with it.
    /// </summary>
    public EmailMessage NoAccount(string address, Guid requestId, Uri? registerLink = null) =>
        layout.Render(new EmailContent(address, null, EmailText.SetPasswordSubject,
            registerLink is null
                ? [EmailText.NoAccountLead(Product, address), EmailText.NoAccountHint]
                : [EmailText.NoAccountLead(Product, address), EmailText.NoAccountHint, RegistrationEmailText.NoAccountRegister],
            registerLink is null ? null : new EmailAction(RegistrationEmailText.RegisterButton, registerLink),
            EmailText.NoAccountIgnore, $"password-reset:{requestId}", NoAccountCategory));

    /// <summary>The notice after a password was set: if it was not the owner, support must hear of it.</summary>
    public EmailMessage PasswordChanged(string address, string? name, string key) =>
        layout.Render(new EmailContent(address, name, EmailText.PasswordChangedSubject,
            [EmailText.PasswordChangedLead(Product, address)], null, EmailText.PasswordChangedWarning,
            $"password-changed:{key}", PasswordChangedCategory));
}
