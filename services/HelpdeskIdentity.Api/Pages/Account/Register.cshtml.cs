using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Self-registration (docs/decisions/0017). The POST checks only the form (what the input alone shows: a malformed
/// address, a look-alike domain, a bad name), records the request (one INSERT) and always answers "check your
/// mailbox", so neither its answer nor its timing tells whether the address has an account or may register; the
/// <see cref="RegistrationWorker"/> mails a verification link, a set-password link, or the reason it cannot.
/// Reached from the sign-in page or through OIDC <c>prompt=create</c>, whose sign-in it continues.
/// </summary>
public sealed class RegisterModel(RegistrationStore store, RegistrationSignal signal, TimeProvider clock) : AddressRequestModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public RegisterInput Input { get; set; } = new();

    protected override void PreFill(string address) => Input.Email = address;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Each field is checked on its own, so every problem shows at once. An empty field binds as null.
        const string EmailField = $"{nameof(Input)}.{nameof(Input.Email)}";
        const string NameField = $"{nameof(Input)}.{nameof(Input.Name)}";
        var address = ModelState.GetFieldValidationState(EmailField) == ModelValidationState.Valid
            ? MailboxParser.Parse(Input.Email.Trim()).Mailbox
            : null;
        if (ModelState.GetFieldValidationState(EmailField) == ModelValidationState.Valid && address is null)
        {
            ModelState.AddModelError(EmailField, PageText.EmailInvalid);
        }
        else if (address is not null && LookalikeDomains.Refusal(address) is not null)
        {
            ModelState.AddModelError(EmailField, RegisterText.DomainMixesScripts);
        }

        var name = (Input.Name ?? "").Trim();
        if (ModelState.GetFieldValidationState(NameField) == ModelValidationState.Valid && !PersonName.IsAcceptable(name))
        {
            ModelState.AddModelError(NameField, RegisterText.NameInvalid);
        }

        if (!ModelState.IsValid || address is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        await store.AddRequestAsync(
            new RegistrationRequest(Guid.CreateVersion7(now), address.DisplayAddress, name, PasswordResetTokens.AllowedReturnUrl(ReturnUrl), Languages.Current),
            now, cancellationToken);
        signal.Notify();
        Sent = true;
        return Page();
    }
}
