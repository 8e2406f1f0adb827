using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>The notice after a sign-in method changed: if it was not the owner, support must hear of it.</summary>
public sealed class TwoFactorEmails(IOptions<BrandingOptions> branding, EmailLayout layout, TimeProvider clock)
{
    public const string Category = "sign-in-methods-changed";

    public EmailMessage Changed(Account account, TwoFactorChange change) =>
        layout.Render(new EmailContent(account.Email!, account.DisplayName, TwoFactorText.ChangedSubject,
            [change switch
            {
                TwoFactorChange.TurnedOn => TwoFactorText.ChangedTurnedOn(branding.Value.ProductName, account.Email!),
                TwoFactorChange.TurnedOff => TwoFactorText.ChangedTurnedOff(branding.Value.ProductName, account.Email!),
                _ => TwoFactorText.ChangedNewRecoveryCodes(branding.Value.ProductName, account.Email!),
            }],
            null, TwoFactorText.ChangedWarning, $"sign-in-methods:{account.Id}:{Guid.CreateVersion7(clock.GetUtcNow())}", Category));
}
