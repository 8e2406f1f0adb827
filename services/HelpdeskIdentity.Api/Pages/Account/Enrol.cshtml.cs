using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Where <see cref="EnrolmentGate"/> sends an account that must have a second factor and has none (docs/decisions/0040):
/// the two ways to set one up, each of which offers "Continue" back here (the return URL waits in a short cookie). Once
/// the account has one, this page sends the browser on to the authorization request it came from.
/// </summary>
[Authorize]
public sealed class EnrolModel(SignedInAccounts accounts, EnrolmentRequirement requirement) : PageModel
{
    public const string CookieName = "hdid.enrol";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the person came back without having set one up.</summary>
    public bool StillMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool again, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        var returnUrl = PasswordResetTokens.AllowedReturnUrl(ReturnUrl) ?? "/";
        if (!await requirement.MustEnrolAsync(account, cancellationToken))
        {
            Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });
            return Redirect(returnUrl);
        }

        Response.Cookies.Append(CookieName, returnUrl, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, Path = "/account", MaxAge = TimeSpan.FromMinutes(30), IsEssential = true,
        });
        ReturnUrl = returnUrl;
        StillMissing = again;
        return Page();
    }

    /// <summary>"Continue" on the pages that set a factor up: back here with the waiting return URL, or null when nothing waits.</summary>
    public static string? ContinueUrl(HttpRequest request) =>
        PasswordResetTokens.AllowedReturnUrl(request.Cookies[CookieName]) is { } returnUrl
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(EnrolmentGate.Path + "?again=true", "returnUrl", returnUrl)
            : null;
}
