using HelpdeskIdentity.Api.Accounts.SelfService;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>What the signed-in account pages share: the form-wide error, and field messages by name.</summary>
public abstract class AccountPageModel : PageModel
{
    /// <summary>The form-wide error (locked out), or null.</summary>
    public string? Error { get; protected set; }

    /// <summary>Every validation message of one field of the <c>Input</c> form.</summary>
    public IReadOnlyList<string> FieldErrors(string field) => FormErrors.Of(ModelState, field);

    /// <summary>Shows why the current password was not accepted; false when it was.</summary>
    protected bool RefusedCurrentPassword(SelfServiceResult result)
    {
        switch (result.Status)
        {
            case SelfServiceStatus.WrongPassword:
                ModelState.AddModelError("Input.CurrentPassword", AccountText.CurrentPasswordWrong);
                return true;
            case SelfServiceStatus.LockedOut:
                Error = PageText.LockedOut;
                return true;
            default:
                return false;
        }
    }
}
