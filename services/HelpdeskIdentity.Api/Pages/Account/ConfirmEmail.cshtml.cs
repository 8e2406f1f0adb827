using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Where the link sent to a new address leads. GET only shows the address and a button (mail scanners that open
/// links change nothing); the POST makes the change. No sign-in needed: the link proves the new mailbox, the
/// password was checked when the change was asked for. A browser signed in to that account stays signed in.
/// A link that does not work any more answers 400 with a way to ask again.
/// </summary>
public sealed class ConfirmEmailModel(EmailChanges changes, SessionSignIn sessions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    /// <summary>The address the link moves the account to; null when the link does not work.</summary>
    public string? NewEmail { get; private set; }

    /// <summary>What the POST did, or null before it.</summary>
    public EmailChangeOutcome? Outcome { get; private set; }

    /// <summary>After the change: whether this browser is (still) signed in to the account.</summary>
    public bool SignedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await changes.FindAsync(Token, cancellationToken) is not { } link)
        {
            return LinkInvalid();
        }

        NewEmail = link.NewEmail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await changes.FindAsync(Token, cancellationToken) is not { } link)
        {
            return LinkInvalid();
        }

        NewEmail = link.NewEmail;
        Outcome = await changes.ConfirmAsync(link, await sessions.CurrentSessionIdAsync(HttpContext, link.AccountId), cancellationToken);
        switch (Outcome)
        {
            case EmailChangeOutcome.LinkInvalid:
                return LinkInvalid();
            case EmailChangeOutcome.AddressTaken:
                var taken = Page();
                taken.StatusCode = StatusCodes.Status409Conflict;
                return taken;
            default:
                SignedIn = await sessions.KeepAsync(HttpContext, link.AccountId);
                return Page();
        }
    }

    private PageResult LinkInvalid()
    {
        NewEmail = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
