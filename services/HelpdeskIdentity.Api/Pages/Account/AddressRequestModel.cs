using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// A page that asks for an address, records a request for a worker and answers "check your mailbox" (forgot password,
/// register): it keeps the sign-in it is part of (<see cref="ReturnUrl"/>) and pre-fills the address from
/// <c>login_hint</c>.
/// </summary>
public abstract class AddressRequestModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True once a request was accepted: the page says "check your mailbox".</summary>
    public bool Sent { get; protected set; }

    /// <summary>The sign-in page, continuing the same sign-in.</summary>
    public string LoginUrl => PasswordResetTokens.AllowedReturnUrl(ReturnUrl) is { } returnUrl
        ? $"{PagePaths.SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}"
        : PagePaths.SignIn;

    /// <param name="loginHint">OIDC <c>login_hint</c>, or passed on by the sign-in page or an e-mail: pre-fills the address.</param>
    public void OnGet([FromQuery(Name = "login_hint")] string? loginHint)
    {
        if (loginHint is { Length: > 0 and <= 254 })
        {
            PreFill(loginHint);
        }
    }

    /// <summary>
    /// Whether the form may go on: its fields passed their own checks and <paramref name="email"/> (the form's
    /// <c>Input.Email</c>) is an address; when it is not, the field says so.
    /// </summary>
    protected bool AddressAccepted(string email)
    {
        if (ModelState.IsValid && MailboxParser.Parse(email.Trim()).Mailbox is null)
        {
            ModelState.AddModelError("Input.Email", PageText.EmailInvalid);
        }

        return ModelState.IsValid;
    }

    /// <summary>Puts the hinted address into the form.</summary>
    protected abstract void PreFill(string address);
}
