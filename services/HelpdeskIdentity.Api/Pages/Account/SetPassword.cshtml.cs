using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Sets a password through an e-mailed link (claims an unclaimed account, resets a claimed one). A link that
/// does not work any more answers 400 with a way to ask for a new one. On success the browser is signed in
/// (unless <c>Accounts:PasswordReset:SignInAfterReset</c> is false) and continues the sign-in it came from.
/// </summary>
public sealed class SetPasswordModel(
    PasswordResetTokens tokens, PasswordResets resets, PasswordPolicy policy, IOptions<AccountOptions> options, SessionSignIn sessions,
    IOptions<PasskeyOptions> passkeys) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public SetPasswordAndNameInput Input { get; set; } = new();

    /// <summary>A current code from the authenticator app, or a recovery code: asked for when the account has a second factor.</summary>
    [BindProperty]
    public string? SecondFactorCode { get; set; }

    /// <summary>Whether the account has a second factor, so the form asks for a code as well.</summary>
    public bool SecondFactorRequired { get; private set; }

    /// <summary>Why the code was refused, or null.</summary>
    public string? SecondFactorError { get; private set; }

    /// <summary>The address whose password is set, shown read-only; null when the link does not work.</summary>
    public string? Email { get; private set; }

    public bool Done { get; private set; }

    /// <summary>Whether the page offers "Use a passkey instead" (to browsers that can: shown by passkeys.js).</summary>
    public bool PasskeysEnabled => passkeys.Value.Enabled;

    /// <summary>Why the passkey just tried was not taken, or null (<see cref="PasskeyClaimModel"/>).</summary>
    public string? PasskeyError { get; private set; }

    /// <summary>Whether the form asks for the owner's name: the account has no confirmed one yet.</summary>
    public bool AsksName { get; private set; }

    /// <summary>The rules, and the messages of the two password fields.</summary>
    public NewPasswordFields PasswordFields =>
        NewPasswordFields.For(policy.Rules, ModelState);

    /// <param name="passkey">Why "Use a passkey instead" did not finish: <c>failed</c>, or <c>code</c> (the second-factor code was wrong).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = PasskeyClaimModel.OutcomeParameter)] string? passkey, CancellationToken cancellationToken)
    {
        if (await tokens.FindAsync(Token, cancellationToken) is not { } link)
        {
            return LinkInvalid();
        }

        Show(link);
        SecondFactorRequired = link.TwoFactorEnabled;
        PasskeyError = passkey switch { "failed" => PasskeyText.ClaimFailed, "code" when link.TwoFactorEnabled => TwoFactorText.CodeWrong, _ => null };
        Input.Name = link.SuggestedName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await tokens.FindAsync(Token, cancellationToken) is not { } link)
        {
            return LinkInvalid();
        }

        Show(link);
        SecondFactorRequired = link.TwoFactorEnabled;
        NewPasswordFields.RequireSame(ModelState, Input.NewPassword, Input.ConfirmPassword);
        var name = AsksName ? PersonName.Acceptable(Input.Name) : null;
        if (AsksName && !string.IsNullOrWhiteSpace(Input.Name) && name is null && ModelState.IsValid)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", RegisterText.NameInvalid);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await resets.SetPasswordAsync(link, Input.NewPassword, name, SecondFactorCode, cancellationToken);
        if (result.LinkInvalid)
        {
            return LinkInvalid();
        }

        SecondFactorError = result.SecondFactorError;

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewPassword)}", error);
        }

        if (!result.Succeeded)
        {
            return Page();
        }

        if (!options.Value.PasswordReset.SignInAfterReset)
        {
            Done = true;
            return Page();
        }

        await sessions.SignInAsync(HttpContext, link.AccountId, methods: link.TwoFactorEnabled
            ? [AuthenticationMethods.Password, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultipleFactors]
            : [AuthenticationMethods.Password]);
        return Redirect(PasswordResetTokens.AllowedReturnUrl(link.ReturnUrl) ?? "/");
    }

    private void Show(PasswordResetLink link)
    {
        Email = link.Email;
        AsksName = !link.HasName;
    }

    private PageResult LinkInvalid()
    {
        Email = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
