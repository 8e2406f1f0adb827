using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Invitation;

/// <summary>The "your portal access is ready" e-mail, in the current language (the caller sets it).</summary>
public sealed class InvitationEmails(IOptions<BrandingOptions> branding, EmailLinks links, EmailLayout layout)
{
    public const string Category = "invitation";

    /// <summary>The idempotency key: one invitation per account, however often intake runs.</summary>
    public static string Key(Guid accountId) => $"invitation:{accountId}";

    /// <summary>The claim link is a set-password link; it opens in the e-mail's language.</summary>
    public EmailMessage Invitation(NewRequesterAccount account, string handle, TimeSpan lifetime)
    {
        var product = branding.Value.ProductName;
        var link = links.Build(PagePaths.SetPassword, ("token", handle), (UiLocalesCultureProvider.Parameter, Languages.Current));
        return layout.Render(new EmailContent(account.Email, null, AccountEmailText.InvitationSubject, // the name came from a forgeable From header
            [AccountEmailText.InvitationLead(product, account.Email), AccountEmailText.InvitationAction(AccountEmailText.Lifetime(lifetime)), AccountEmailText.InvitationLater],
            new EmailAction(AccountEmailText.InvitationButton, link), AccountEmailText.InvitationIgnore,
            Key(account.Id), Category));
    }
}
