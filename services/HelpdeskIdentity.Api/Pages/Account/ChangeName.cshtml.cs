using System.ComponentModel.DataAnnotations;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// A signed-in user confirms or edits the name e-mails greet them by and the portal shows (the OIDC <c>name</c>
/// claim). Pre-filled with the confirmed name, or else with what a ticket suggested; only a submitted name is used
/// (docs/security.md, finding 2).
/// </summary>
[Authorize]
public sealed class ChangeNameModel(SignedInAccounts accounts, UserManager<Accounts.Account> users) : AccountPageModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public NameInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        Input.Name = account.DisplayName ?? account.SuggestedDisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        var name = PersonName.Acceptable(Input.Name);
        if (ModelState.IsValid && name is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", RegisterText.NameInvalid);
        }

        if (!ModelState.IsValid || name is null)
        {
            return Page();
        }

        account.DisplayName = name;
        account.SuggestedDisplayName = null;
        var saved = await users.UpdateAsync(account);
        foreach (var error in saved.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", error.Description);
        }

        Done = saved.Succeeded;
        return Page();
    }

    /// <summary>The account-name form.</summary>
    public sealed class NameInput
    {
        [Required(ErrorMessageResourceType = typeof(RegisterText), ErrorMessageResourceName = nameof(RegisterText.NameRequired))]
        [StringLength(PersonName.MaxLength, ErrorMessageResourceType = typeof(RegisterText), ErrorMessageResourceName = nameof(RegisterText.NameTooLong))]
        public string? Name { get; set; }
    }
}
