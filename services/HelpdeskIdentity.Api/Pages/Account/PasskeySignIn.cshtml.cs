using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Sign-in with a passkey (docs/decisions/0039): <c>?handler=options</c> starts this browser's ceremony and answers the
/// options as JSON; the form post carries the assertion. A passkey with user verification is both factors and the
/// session starts; without it, an account with a second factor goes through the second step. Anything that does not
/// hold sends the browser back to the sign-in page with one message, where every other way still is.
/// </summary>
public sealed class PasskeySignInModel(
    PasskeySignIns passkeys, UserManager<Accounts.Account> users, SecondStep secondStep, SessionSignIn sessions, AuditTrail audit,
    IOptions<PasskeyOptions> options) : PageModel
{
    public const string Path = "/account/login/passkey";

    /// <summary>The sign-in page's query parameter that says a passkey sign-in failed.</summary>
    public const string FailedParameter = "passkey";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty, FromForm(Name = nameof(Credential))]
    public string? Credential { get; set; }

    [BindProperty, FromForm(Name = nameof(KeepSignedIn))]
    public bool KeepSignedIn { get; set; }

    public IActionResult OnGet() => Redirect(LoginUrl(failed: false));

    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken cancellationToken) =>
        options.Value.Enabled ? Content(await passkeys.BeginAsync(HttpContext, cancellationToken), "application/json") : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var assertion = await passkeys.FinishAsync(HttpContext, Credential, cancellationToken);
        var account = assertion is null ? null : await users.FindByIdAsync(assertion.AccountId.ToString());
        // Only an operator's hold refuses a passkey; a lockout after failed attempts guards what can be guessed (0060).
        if (assertion is null || account is null || account.HeldByOperator)
        {
            await audit.RecordAsync(new(account is { DisabledAt: null, HeldByOperator: true } ? AuditEventTypes.SignInLockedOut : AuditEventTypes.SignInFailed,
                account?.Id, Succeeded: false, Detail: "passkey"), cancellationToken);
            return Redirect(LoginUrl(failed: true));
        }

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        if (assertion.Methods.Contains(AuthenticationMethods.MultipleFactors))
        {
            await sessions.SignInAsync(HttpContext, account, KeepSignedIn, assertion.Methods);
            return Redirect(returnUrl);
        }

        return await secondStep.ContinueAsync(HttpContext, account, assertion.Methods[0], KeepSignedIn, returnUrl);
    }

    private string LoginUrl(bool failed) => QueryHelpers.AddQueryString("/account/login",
        new Dictionary<string, string?> { ["returnUrl"] = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, [FailedParameter] = failed ? "failed" : null }
            .Where(p => p.Value is not null));
}
