using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// The three answers of the register page, in the current language (the worker sets it), and the register link the
/// forgot-password "no account" e-mail carries. The name typed on the page is never written into an e-mail: the address
/// is not proven, and a name like "Security team: verify at evil.example" must not reach anyone under our brand.
/// </summary>
public sealed class RegistrationEmails(IOptions<BrandingOptions> branding, EmailLinks links, EmailLayout layout)
{
    public const string ConfirmCategory = "registration-confirm";
    public const string ExistingAccountCategory = "registration-existing-account";
    public const string NotAllowedCategory = "registration-not-allowed";

    private string Product => branding.Value.ProductName;

    /// <summary>The verification link: it opens the page that creates the account and sets its password.</summary>
    public EmailMessage Confirm(RegistrationRequest request, string handle, TimeSpan lifetime)
    {
        var link = links.Build(PagePaths.RegisterConfirm, ("token", handle), (UiLocalesCultureProvider.Parameter, Languages.Current));
        var action = lifetime.TotalMinutes % 60 == 0
            ? RegistrationEmailText.ConfirmActionHours((int)lifetime.TotalHours)
            : RegistrationEmailText.ConfirmActionMinutes((int)lifetime.TotalMinutes);
        return layout.Render(new EmailContent(request.Email, null, RegistrationEmailText.ConfirmSubject,
            [RegistrationEmailText.ConfirmLead(Product, request.Email), action],
            new EmailAction(RegistrationEmailText.ConfirmButton, link), RegistrationEmailText.ConfirmIgnore,
            Key(request), ConfirmCategory));
    }

    /// <summary>"You already have an account": a set-password link (a reset link), greeting a claimed account by its name.</summary>
    public EmailMessage ExistingAccount(RegistrationRequest request, PasswordResetAccount account, string handle, TimeSpan lifetime)
    {
        var link = links.Build(PagePaths.SetPassword, ("token", handle), (UiLocalesCultureProvider.Parameter, Languages.Current));
        return layout.Render(new EmailContent(account.Email, account.GreetingName, RegistrationEmailText.ExistingSubject,
            [RegistrationEmailText.ExistingLead(Product, account.Email), RegistrationEmailText.ExistingAction((int)lifetime.TotalMinutes)],
            new EmailAction(RegistrationEmailText.ExistingButton, link), RegistrationEmailText.ExistingIgnore,
            Key(request), ExistingAccountCategory));
    }

    /// <summary>Why this address cannot register itself, and how to get access all the same.</summary>
    public EmailMessage NotAllowed(RegistrationRequest request, MailboxAddress address, RegistrationVerdict verdict)
    {
        var reason = verdict switch
        {
            RegistrationVerdict.PublicProvider => RegistrationEmailText.ReasonPublicProvider(address.UnicodeDomain),
            RegistrationVerdict.UnknownOrganization => RegistrationEmailText.ReasonUnknownOrganization(address.UnicodeDomain),
            RegistrationVerdict.OrganizationRefuses => RegistrationEmailText.ReasonOrganizationRefuses,
            _ => RegistrationEmailText.ReasonClosed,
        };
        return layout.Render(new EmailContent(request.Email, null, RegistrationEmailText.NotAllowedSubject,
            [RegistrationEmailText.NotAllowedLead(Product, request.Email), reason, RegistrationEmailText.NotAllowedHelp(branding.Value.SupportEmail)],
            null, RegistrationEmailText.NotAllowedIgnore, Key(request), NotAllowedCategory));
    }

    /// <summary>The register page for <paramref name="address"/>, continuing the sign-in the request came from.</summary>
    public Uri RegisterLink(string address, string? returnUrl) =>
        links.Build(PagePaths.Register,
        [
            ("login_hint", address),
            (UiLocalesCultureProvider.Parameter, Languages.Current),
            .. PasswordResetTokens.AllowedReturnUrl(returnUrl) is { } allowed ? [("returnUrl", allowed)] : Array.Empty<(string, string)>(),
        ]);

    private static string Key(RegistrationRequest request) => $"registration:{request.Id}";
}
