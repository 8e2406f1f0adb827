using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Asks for a set-password link. The POST only records the request (one INSERT) and always answers "check your
/// mailbox", so neither its answer nor its timing tells whether the address has an account; the
/// <see cref="PasswordResetWorker"/> sends the link, or the "no account uses this address" e-mail.
/// </summary>
public sealed class ForgotPasswordModel(PasswordResetStore store, PasswordResetSignal signal, TimeProvider clock) : AddressRequestModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public ForgotPasswordInput Input { get; set; } = new();

    protected override void PreFill(string address) => Input.Email = address;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && MailboxParser.Parse(Input.Email.Trim()).Mailbox is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", PageText.EmailInvalid);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        await store.AddRequestAsync(
            new PasswordResetRequest(Guid.CreateVersion7(now), MailboxLookupNormalizer.Normalize(Input.Email),
                PasswordResetTokens.AllowedReturnUrl(ReturnUrl), Languages.Current),
            now, cancellationToken);
        signal.Notify();
        Sent = true;
        return Page();
    }

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) => FormErrors.First(ModelState, field);
}
