using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// "Use a passkey instead" on the set-password page (docs/decisions/0039): <c>?handler=options</c> starts a ceremony
/// bound to the link; the form post carries the new passkey, which becomes the account's credential while the link is
/// spent as setting a password spends it. Then the browser is signed in the way the password claim signs it in and
/// continues the sign-in it came from. A refused passkey, a wrong second-factor code or a dead link go back to the
/// set-password page, which says so and still offers the password.
/// </summary>
public sealed class PasskeyClaimModel(
    PasswordResetTokens tokens, UserManager<Accounts.Account> users, PasskeyClaims claims, SessionSignIn sessions,
    IOptions<AccountOptions> accountOptions, IOptions<PasskeyOptions> options) : PageModel
{
    public const string Path = "/account/set-password/passkey";

    /// <summary>The set-password page's query parameter that says why the passkey was not taken: <c>failed</c> or <c>code</c>.</summary>
    public const string OutcomeParameter = "passkey";

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty, FromForm(Name = nameof(Credential))]
    public string? Credential { get; set; }

    [BindProperty, FromForm(Name = nameof(Name))]
    public string? Name { get; set; }

    [BindProperty, FromForm(Name = nameof(SecondFactorCode))]
    public string? SecondFactorCode { get; set; }

    public IActionResult OnGet() => Redirect(SetPasswordUrl(null));

    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await tokens.FindAsync(Token, cancellationToken) is not { } link
            || await users.FindByIdAsync(link.AccountId.ToString()) is not { } account)
        {
            return NotFound();
        }

        return Content(await claims.BeginAsync(HttpContext, link, account, cancellationToken), "application/json");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        if (await tokens.FindAsync(Token, cancellationToken) is not { } link)
        {
            return Redirect(SetPasswordUrl(null)); // says the link does not work
        }

        var name = link.HasName ? null : PersonName.Acceptable(Name);
        if (await claims.FinishAsync(HttpContext, link, Credential, name, SecondFactorCode, cancellationToken) is not { } claimed)
        {
            return Redirect(SetPasswordUrl("failed"));
        }

        var (result, passkey) = claimed;

        if (result.SecondFactorError is not null)
        {
            return Redirect(SetPasswordUrl("code"));
        }

        if (!result.Succeeded)
        {
            return Redirect(SetPasswordUrl(null));
        }

        if (!accountOptions.Value.PasswordReset.SignInAfterReset)
        {
            return Redirect("/account/login");
        }

        // The same session the password claim starts; the link and the new passkey are not both counted as factors.
        var key = PasskeySignIns.Methods(passkey, userVerified: false)[0];
        await sessions.SignInAsync(HttpContext, link.AccountId, methods: link.TwoFactorEnabled
            ? [key, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultipleFactors]
            : [key]);
        return Redirect(PasswordResetTokens.AllowedReturnUrl(link.ReturnUrl) ?? "/");
    }

    private string SetPasswordUrl(string? outcome) => QueryHelpers.AddQueryString("/account/set-password",
        new Dictionary<string, string?> { ["token"] = Token, [OutcomeParameter] = outcome }.Where(p => p.Value is not null));
}
