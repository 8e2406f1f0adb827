using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Typing the e-mailed code. GET only fills the form (from the e-mail's button: a link scanner signs nobody in); POST
/// spends a right code and signs the browser in — through the second step when the account has a second factor.
/// Every failure gets the same message. 404 when the operator turned the codes off.
/// </summary>
public sealed class SignInCodeVerifyModel(SignInCodes codes, SecondStep secondStep, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty, FromForm(Name = nameof(Input))]
    public SignInCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True when arriving from "e-mail me a code": the page says where the code went.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public string? Error { get; private set; }

    public int LifetimeMinutes => (int)Math.Ceiling(options.Value.SignInCode.Lifetime.TotalMinutes);

    /// <summary>The page to ask for a new code, for the same address and sign-in.</summary>
    public string NewCodeUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(PagePaths.SignInCode,
        new Dictionary<string, string?> { ["login_hint"] = Input.Email is { Length: > 0 } e ? e : null, ["returnUrl"] = PasswordResetTokens.AllowedReturnUrl(ReturnUrl) }
            .Where(p => p.Value is not null));

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!options.Value.SignInCode.Enabled)
        {
            context.Result = NotFound();
        }
    }

    public void OnGet([FromQuery(Name = "login_hint")] string? loginHint, [FromQuery(Name = "code")] string? code)
    {
        Input.Email = loginHint is { Length: > 0 and <= 254 } ? loginHint : "";
        Input.Code = code is { Length: > 0 and <= 20 } ? code : "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await codes.VerifyAsync(Input.Email, Input.Code, cancellationToken) is not { } verified)
        {
            Error = SignInCodeText.CodeWrong;
            return Page();
        }

        var returnUrl = PasswordResetTokens.AllowedReturnUrl(verified.ReturnUrl) ?? PasswordResetTokens.AllowedReturnUrl(ReturnUrl) ?? "/";
        return await secondStep.ContinueAsync(HttpContext, verified.Account, AuthenticationMethods.EmailCode, persistent: false, returnUrl);
    }

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) => FormErrors.First(ModelState, field);
}
