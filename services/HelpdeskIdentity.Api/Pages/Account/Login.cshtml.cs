using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>Sign-in with address and password; on success back to a local <see cref="ReturnUrl"/>, never off-site.</summary>
public sealed class LoginModel(PasswordSignIn signIn, SecondStep secondStep, IOptions<AccountOptions> options, IOptions<PasskeyOptions> passkeys) : PageModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The form-wide error (wrong credentials, locked out), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The forgot-password page, continuing this sign-in and pre-filled with the address typed or hinted.</summary>
    public string ForgotPasswordUrl => ContinuingUrl(PagePaths.ForgotPassword);

    /// <summary>"E-mail me a sign-in code", continuing this sign-in; null when the operator turned it off.</summary>
    public string? SignInCodeUrl => options.Value.SignInCode.Enabled ? ContinuingUrl(PagePaths.SignInCode) : null;

    /// <summary>Why the passkey sign-in just tried did not work, or null.</summary>
    public string? PasskeyError { get; private set; }

    /// <summary>Whether the page offers "Sign in with a passkey" (to browsers that can: the form is shown by passkeys.js).</summary>
    public bool PasskeysEnabled => passkeys.Value.Enabled;

    /// <summary>The register page, continuing this sign-in and pre-filled with the address typed or hinted.</summary>
    public string RegisterUrl => ContinuingUrl(PagePaths.Register);

    /// <param name="loginHint">OIDC <c>login_hint</c>, passed on by the authorization endpoint: pre-fills the address.</param>
    /// <param name="passkey">"failed" after a passkey sign-in that did not work (<see cref="PasskeySignInModel"/>); "required" when
    /// the second-factor policy leaves a passkey as the only way in (<see cref="SecondStep"/>).</param>
    public void OnGet([FromQuery(Name = "login_hint")] string? loginHint, [FromQuery(Name = PasskeySignInModel.FailedParameter)] string? passkey)
    {
        PasskeyError = passkey switch
        {
            "failed" => PasskeyText.SignInFailed,
            SecondStep.PasskeyRequired => PasskeyText.RequiredBySecondFactorPolicy,
            _ => null,
        };

        if (loginHint is { Length: > 0 and <= 320 })
        {
            Input.Email = loginHint;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.CheckAsync(Input.Email, Input.Password);
        if (result.Account is not { } account)
        {
            Error = result.Status == PasswordSignInStatus.LockedOut ? PageText.LockedOut : PageText.InvalidCredentials;
            return Page();
        }

        return await secondStep.ContinueAsync(HttpContext, account, AuthenticationMethods.Password, Input.KeepSignedIn, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private string ContinuingUrl(string page) => QueryHelpers.AddQueryString(page,
        new Dictionary<string, string?> { ["returnUrl"] = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, ["login_hint"] = Input.Email is { Length: > 0 } email ? email : null }
            .Where(p => p.Value is not null));

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) => FormErrors.First(ModelState, field);
}
