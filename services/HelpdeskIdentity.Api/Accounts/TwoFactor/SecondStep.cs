using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// What happens after a first factor (password, e-mailed code) was accepted. Without a second factor — or in a
/// browser remembered for this account — the session starts at once, recording how the person signed in (a remembered
/// browser's session does not claim <c>mfa</c>: no second factor was shown this time). With one,
/// the browser gets the short pending cookie and goes to <see cref="PagePaths.SecondStep"/> for the code (docs/decisions/0037).
/// </summary>
public sealed class SecondStep(SessionSignIn sessions, StepUp stepUp, EnrolmentRequirement requirement)
{
    public async Task<IActionResult> ContinueAsync(HttpContext context, Account account, string method, bool persistent, string returnUrl)
    {
        // A client asking for the multi-factor acr (step-up) gets the code asked for even in a remembered browser.
        if (account.TwoFactorEnabled && (stepUp.WantsMultiFactorFor(returnUrl)
            || !TwoFactorCookies.IsFor((await context.AuthenticateAsync(TwoFactorCookies.RememberedScheme)).Principal, account)))
        {
            await context.SignInAsync(TwoFactorCookies.PendingScheme, TwoFactorCookies.Pending(account, method, persistent));
            return new RedirectResult(QueryHelpers.AddQueryString(PagePaths.SecondStep, "returnUrl", returnUrl));
        }

        // A second factor required by policy whose only form is a passkey cannot follow a password or an e-mailed code
        // (docs/decisions/0040): back to the sign-in page, which says to use the passkey.
        if (!AuthenticationMethods.IsPasskey(method) && await requirement.MustUsePasskeyAsync(account, context.RequestAborted))
        {
            return new RedirectResult(QueryHelpers.AddQueryString(PagePaths.SignIn,
                new Dictionary<string, string?> { ["returnUrl"] = returnUrl, [PasskeySignInModel.FailedParameter] = PasskeyRequired }));
        }

        // A remembered browser skipped the code this time: the session says only what was done now.
        await sessions.SignInAsync(context, account, persistent, [method]);
        return new RedirectResult(returnUrl);
    }

    /// <summary>The sign-in page's <c>passkey</c> parameter when a passkey is the only way in (<see cref="ContinueAsync"/>).</summary>
    public const string PasskeyRequired = "required";

    /// <summary>After the second step's code was accepted: the session, with both methods and <c>mfa</c>; the browser remembered when asked.</summary>
    public async Task CompleteAsync(HttpContext context, Account account, string method, bool persistent, bool rememberBrowser)
    {
        await context.SignOutAsync(TwoFactorCookies.PendingScheme);
        if (rememberBrowser)
        {
            await context.SignInAsync(TwoFactorCookies.RememberedScheme, TwoFactorCookies.Remembered(account), new AuthenticationProperties { IsPersistent = true });
        }

        await sessions.SignInAsync(context, account, persistent, [method, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultipleFactors]);
    }
}
