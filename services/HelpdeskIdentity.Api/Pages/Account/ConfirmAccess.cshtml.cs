using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// "Confirm it's you" (docs/decisions/0056): before changing how the account signs in, a session whose sign-in is not
/// recent types the password again (a wrong one counts toward lockout); the session then records the confirmation and
/// the browser goes back to <see cref="ReturnUrl"/>. An account without a password — or anyone who prefers — signs in
/// again instead (passkey, e-mailed code, or password and second step), which starts a new, recent session. An account
/// with an authenticator app types a current code from it too: the password is one factor of two, and a borrowed session
/// must not bind a passkey (which signs in as two factors) on the strength of the password alone (NIST SP 800-63B-4).
/// </summary>
[Authorize]
public sealed class ConfirmAccessModel(SignedInAccounts accounts, PasswordSignIn passwords, SecondFactorCheck secondFactor, SessionSignIn sessions)
    : AccountPageModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public CurrentPasswordInput Input { get; set; } = new();

    /// <summary>The authenticator app's current code (or a recovery code), asked of an account that has the app.</summary>
    [BindProperty, FromForm(Name = nameof(Code))]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the account has an authenticator app, whose code confirms with the password.</summary>
    public bool AsksForCode { get; private set; }

    /// <summary>Whether the account has a password to confirm with; without one, signing in again is the way.</summary>
    public bool HasPassword { get; private set; }

    /// <summary>The sign-in page, pre-filled with the account's address, coming back to <see cref="ReturnUrl"/>.</summary>
    public string SignInAgainUrl { get; private set; } = PagePaths.SignIn;

    public async Task<IActionResult> OnGetAsync() =>
        await accounts.FindAsync(HttpContext) is { } account ? Show(account) : Challenge();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Show(account);
        }

        if (SelfServiceResult.FromPasswordCheck((await passwords.VerifyAsync(account, Input.CurrentPassword)).Status) is { } refused)
        {
            RefusedCurrentPassword(refused);
            return Show(account);
        }

        if (account.TwoFactorEnabled && await SecondFactorRefusalAsync(account) is { } codeRefused)
        {
            Error = codeRefused;
            return Show(account);
        }

        await sessions.ConfirmAsync(HttpContext, account.Id);
        return Redirect(Destination);
    }

    private string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>Checked only after the password, so a wrong password never spends a code; a wrong code counts toward lockout.</summary>
    private async Task<string?> SecondFactorRefusalAsync(Accounts.Account account) =>
        Code is not { Length: > 0 and <= 20 } code ? TwoFactorText.CodeRequired
        : SecondFactorRefusal.Text(await secondFactor.VerifyAsync(account, code));

    private IActionResult Show(Accounts.Account account)
    {
        HasPassword = account.PasswordHash is not null;
        AsksForCode = account.TwoFactorEnabled;
        SignInAgainUrl = QueryHelpers.AddQueryString(PagePaths.SignIn,
            new Dictionary<string, string?> { ["returnUrl"] = Destination, ["login_hint"] = account.Email });
        return Page();
    }
}
