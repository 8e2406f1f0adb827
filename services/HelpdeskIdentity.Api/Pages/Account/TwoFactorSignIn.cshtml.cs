using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// The second step of a sign-in: a code from the authenticator app or a recovery code, for the account whose first
/// factor the pending cookie remembers. Without a pending sign-in (expired, another browser) it sends to sign in again.
/// </summary>
public sealed class TwoFactorSignInModel(
    UserManager<Accounts.Account> users, SecondFactorCheck check, SecondStep secondStep, IOptions<Accounts.AccountOptions> options) : PageModel
{
    [BindProperty, FromForm(Name = nameof(Code))]
    public string Code { get; set; } = "";

    [BindProperty, FromForm(Name = nameof(RememberBrowser))]
    public bool RememberBrowser { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Whether "remember this browser" is offered, and for how many days.</summary>
    public int RememberDays => (int)options.Value.TwoFactor.RememberBrowserFor.TotalDays;

    public async Task<IActionResult> OnGetAsync() => await PendingAsync() is null ? RestartSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingAsync() is not { } pending)
        {
            return RestartSignIn();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            Error = TwoFactorText.CodeRequired;
            return Page();
        }

        if (SecondFactorRefusal.Text(await check.VerifyAsync(pending.Account, Code)) is { } refused)
        {
            Error = refused;
            return Page();
        }

        await secondStep.CompleteAsync(HttpContext, pending.Account, pending.Method, pending.Persistent, RememberBrowser && RememberDays > 0);
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task<(Accounts.Account Account, string Method, bool Persistent)?> PendingAsync()
    {
        var result = await HttpContext.AuthenticateAsync(TwoFactorCookies.PendingScheme);
        return TwoFactorCookies.ReadPending(result.Principal) is { } pending
            && await users.FindByIdAsync(pending.AccountId.ToString()) is { TwoFactorEnabled: true } account
            && TwoFactorCookies.IsFor(result.Principal, account)
                ? (account, pending.Method, pending.Persistent)
                : null;
    }

    private RedirectResult RestartSignIn() =>
        Redirect(PasswordResetTokens.AllowedReturnUrl(ReturnUrl) is { } returnUrl ? $"{PagePaths.SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}" : PagePaths.SignIn);
}
