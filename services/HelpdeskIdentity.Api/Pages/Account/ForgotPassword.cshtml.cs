using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Asks for a set-password link. The POST only records the request (one INSERT) and always answers "check your
/// mailbox", so neither its answer nor its timing tells whether the address has an account; the
/// <see cref="PasswordResetWorker"/> sends the link, or the "no account uses this address" e-mail.
/// </summary>
public sealed class ForgotPasswordModel(ForgotPasswordRequests requests) : AddressRequestModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public ForgotPasswordInput Input { get; set; } = new();

    protected override void PreFill(string address) => Input.Email = address;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!AddressAccepted(Input.Email))
        {
            return Page();
        }

        await requests.RecordAsync(Input.Email, PasswordResetTokens.AllowedReturnUrl(ReturnUrl), Languages.Current, PasswordResetRequest.SetPasswordPurpose,
            cancellationToken);
        Sent = true;
        return Page();
    }

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) => FormErrors.First(ModelState, field);
}
