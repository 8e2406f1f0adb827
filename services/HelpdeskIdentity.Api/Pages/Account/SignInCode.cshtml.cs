using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Localization;
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
public sealed class SignInCodeModel(ForgotPasswordRequests requests, IOptions<AccountOptions> options)
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
        if (!AddressAccepted(Input.Email))
        {
            return Page();
        }

        var returnUrl = PasswordResetTokens.AllowedReturnUrl(ReturnUrl);
        await requests.RecordAsync(Input.Email, returnUrl, Languages.Current, PasswordResetRequest.SignInCodePurpose, cancellationToken);
        return Redirect(QueryHelpers.AddQueryString(PagePaths.SignInCodeVerify,
            new Dictionary<string, string?> { ["login_hint"] = Input.Email.Trim(), ["sent"] = "true", ["returnUrl"] = returnUrl }.Where(p => p.Value is not null)));
    }

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) => FormErrors.First(ModelState, field);
}
