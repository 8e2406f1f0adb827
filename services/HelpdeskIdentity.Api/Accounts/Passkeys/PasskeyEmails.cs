using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>The "Your sign-in methods changed" notice when a passkey was added or removed (as for the authenticator app, docs/decisions/0037).</summary>
public sealed class PasskeyEmails(IOptions<BrandingOptions> branding, EmailLayout layout, TimeProvider clock)
{
    public EmailMessage Added(Account account, string passkeyName) =>
        Changed(account, PasskeyText.ChangedAdded(branding.Value.ProductName, account.Email!, passkeyName));

    public EmailMessage Removed(Account account, string passkeyName) =>
        Changed(account, PasskeyText.ChangedRemoved(branding.Value.ProductName, account.Email!, passkeyName));

    private EmailMessage Changed(Account account, string text) =>
        layout.Render(new EmailContent(account.Email!, account.DisplayName, TwoFactorText.ChangedSubject, [text], null, TwoFactorText.ChangedWarning,
            $"sign-in-methods:{account.Id}:{Guid.CreateVersion7(clock.GetUtcNow())}", TwoFactorEmails.Category));
}
