using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Where a verification link lands: the address and name, the password rules, the new password twice. Opening it
/// changes nothing (mail scanners open links too); submitting it creates the verified account with its password
/// (<see cref="Registrations"/>), signs the browser in and continues the sign-in the registration came from. A link
/// that does not work any more, an address that got an account meanwhile, or one that may no longer register
/// answer 400 with what to do instead.
/// </summary>
public sealed class RegisterConfirmModel(Registrations registrations, PasswordPolicy policy, SessionSignIn sessions) : PageModel
{
    public enum Problems { None, LinkInvalid, AccountExists, NotAllowed }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public SetPasswordInput Input { get; set; } = new();

    /// <summary>The registration the link confirms; null when it does not work.</summary>
    public RegistrationLink? Link { get; private set; }

    public Problems Problem { get; private set; }

    public IReadOnlyList<PasswordRule> Rules => policy.Rules;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Link = await registrations.FindAsync(Token, cancellationToken);
        return Link is null ? Refuse(Problems.LinkInvalid) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((Link = await registrations.FindAsync(Token, cancellationToken)) is not { } link)
        {
            return Refuse(Problems.LinkInvalid);
        }

        NewPasswordFields.RequireSame(ModelState, Input.NewPassword, Input.ConfirmPassword);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await registrations.CompleteAsync(link, Input.NewPassword, cancellationToken);
        switch (result.Outcome)
        {
            case RegistrationOutcome.Created:
                await sessions.SignInAsync(HttpContext, result.AccountId!.Value);
                return Redirect(PasswordResetTokens.AllowedReturnUrl(link.ReturnUrl) ?? "/");
            case RegistrationOutcome.PasswordRefused:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewPassword)}", error);
                }

                return Page();
            case RegistrationOutcome.AccountExists:
                return Refuse(Problems.AccountExists);
            case RegistrationOutcome.NotAllowed:
                return Refuse(Problems.NotAllowed);
            default:
                return Refuse(Problems.LinkInvalid);
        }
    }

    private PageResult Refuse(Problems problem)
    {
        Problem = problem;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
