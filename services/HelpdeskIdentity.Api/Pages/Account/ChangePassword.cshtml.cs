using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// A signed-in user changes the password: the current one, the new one twice, the policy's rules shown before
/// typing. On success this browser stays signed in (its session re-bound to the new security stamp); every other
/// session and refresh token ends, and the account's address is told.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(SignedInAccounts accounts, PasswordChanges changes, PasswordPolicy policy, SessionSignIn sessions)
    : AccountPageModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    /// <summary>The rules, and the messages of the two new-password fields.</summary>
    public NewPasswordFields PasswordFields =>
        NewPasswordFields.For(policy.Rules, ModelState);

    public async Task<IActionResult> OnGetAsync() => await accounts.FindAsync(HttpContext) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        NewPasswordFields.RequireSame(ModelState, Input.NewPassword, Input.ConfirmPassword);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await changes.ChangeAsync(account, Input.CurrentPassword, Input.NewPassword,
            await sessions.CurrentSessionIdAsync(HttpContext, account.Id), cancellationToken);
        if (RefusedCurrentPassword(result))
        {
            return Page();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewPassword)}", error);
        }

        if (result.Status != SelfServiceStatus.Done)
        {
            return Page();
        }

        await sessions.KeepAsync(HttpContext, account.Id);
        Done = true;
        return Page();
    }
}
