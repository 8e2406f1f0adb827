using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// A signed-in user asks to move the account to another address (current password required). The page then says
/// "check your new mailbox" whether or not another account uses that address: the mailbox gets a link, or a notice.
/// </summary>
[Authorize]
public sealed class ChangeEmailModel(SignedInAccounts accounts, EmailChanges changes, SenderFilter senders) : AccountPageModel
{
    // From the form only and under its own name: never the query string or an unprefixed key (docs/security.md, finding 1).
    [BindProperty, FromForm(Name = nameof(Input))]
    public ChangeEmailInput Input { get; set; } = new();

    /// <summary>The account's address now.</summary>
    public string CurrentEmail { get; private set; } = "";

    /// <summary>Once asked: the new address (as people read it) the e-mail went to.</summary>
    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        CurrentEmail = account.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        CurrentEmail = account.Email ?? "";
        var mailbox = ModelState.IsValid ? MailboxParser.Parse(Input.NewEmail.Trim()).Mailbox : null;
        if (ModelState.IsValid && mailbox is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", PageText.EmailInvalid);
        }
        else if (mailbox is not null && mailbox.Address == account.NormalizedEmail)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", AccountText.NewEmailSame);
        }
        else if (mailbox is not null && (senders.SkipReason(mailbox) is not null || LookalikeDomains.Refusal(mailbox) is not null))
        {
            // What intake and registration refuse — the helpdesk's own or no-reply addresses, look-alike domains — an
            // account cannot move to either: a confirm link mailed to the helpdesk's inbox must not become a ticket.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", AccountText.NewEmailNotAllowed);
        }

        if (!ModelState.IsValid || mailbox is null)
        {
            return Page();
        }

        if (RefusedCurrentPassword(await changes.RequestAsync(account, mailbox, Input.CurrentPassword, cancellationToken)))
        {
            return Page();
        }

        SentTo = mailbox.DisplayAddress;
        return Page();
    }
}
