using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>The three e-mails of an address change, in the current language (callers away from a request set it).</summary>
public sealed class EmailChangeEmails(IOptions<BrandingOptions> branding, EmailLinks links, EmailLayout layout)
{
    public const string ConfirmCategory = "email-change";
    public const string InUseCategory = "email-change-in-use";
    public const string ChangedCategory = "email-changed";

    private string Product => branding.Value.ProductName;

    /// <summary>To the new address: the link that makes it the account's address. It opens in the e-mail's language.</summary>
    public EmailMessage Confirm(string newAddress, string? name, string handle, Guid requestId, TimeSpan lifetime)
    {
        var link = links.Build(PagePaths.ConfirmEmail, ("token", handle), (UiLocalesCultureProvider.Parameter, Languages.Current));
        return layout.Render(new EmailContent(newAddress, name, AccountEmailText.ConfirmEmailSubject,
            [AccountEmailText.ConfirmEmailLead(Product, newAddress), AccountEmailText.ConfirmEmailAction(AccountEmailText.Lifetime(lifetime))],
            new EmailAction(AccountEmailText.ConfirmEmailButton, link), AccountEmailText.NothingChangesIgnore,
            $"email-change:{requestId}", ConfirmCategory));
    }

    /// <summary>To a new address another account already uses: no link, only why nothing changed. The page says the same either way.</summary>
    public EmailMessage InUse(string address, Guid requestId) =>
        layout.Render(new EmailContent(address, null, AccountEmailText.EmailInUseSubject,
            [AccountEmailText.EmailInUseLead(Product, address), AccountEmailText.EmailInUseHint], null, AccountEmailText.NothingChangesIgnore,
            $"email-change:{requestId}", InUseCategory));

    /// <summary>To the old address once the change is done: if it was not the owner, support must hear of it.</summary>
    public EmailMessage Changed(string oldAddress, string? name, string newAddress, string tokenHash) =>
        layout.Render(new EmailContent(oldAddress, name, AccountEmailText.EmailChangedSubject,
            [AccountEmailText.EmailChangedLead(Product, oldAddress, newAddress)], null, AccountEmailText.EmailChangedWarning,
            $"email-changed:{tokenHash}", ChangedCategory));
}
