using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// "E-mail me a sign-in code": records a forgot-password request of purpose sign-in-code (one INSERT, the same whether or
/// not the address has an account) and sends the browser to the code form. 404 when the operator turned it off.
/// </summary>
public sealed class SignInCodeModel(PasswordResetStore store, PasswordResetSignal signal, IOptions<AccountOptions> options, TimeProvider clock)
    : AddressRequestModel
{
    [BindProperty, FromForm(Name = nameof(Input))]
    public ForgotPasswordInput Input { get; set; } = new();

    protected override void PreFill(string address) => Input.Email = address;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!options.Value.SignInCode.Enabled)
        {
            context.Result = NotFound();
        }
    }

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
        var returnUrl = PasswordResetTokens.AllowedReturnUrl(ReturnUrl);
        await store.AddRequestAsync(
            new PasswordResetRequest(Guid.CreateVersion7(now), MailboxLookupNormalizer.Normalize(Input.Email), returnUrl, Languages.Current,
                PasswordResetRequest.SignInCodePurpose),
            now, cancellationToken);
        signal.Notify();
        return Redirect(QueryHelpers.AddQueryString(PagePaths.SignInCodeVerify,
            new Dictionary<string, string?> { ["login_hint"] = Input.Email.Trim(), ["sent"] = "true", ["returnUrl"] = returnUrl }.Where(p => p.Value is not null)));
    }

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) => FormErrors.First(ModelState, field);
}
