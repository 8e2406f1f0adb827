using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// The account's passkeys (docs/decisions/0039): each with its name, when it was added and last used; add one (a
/// ceremony bound to this browser's session), rename one, remove one — never the last of an account without a
/// password. Each change answers with a redirect back here that says what was done. Opening the page, adding and
/// removing need a recent proof of who the person is (docs/decisions/0056); renaming does not: a name is a label, not a way in.
/// </summary>
[Authorize]
public sealed class PasskeysModel(
    SignedInAccounts accounts, IUserSession session, PasskeyAccounts passkeys, PasskeyRegistrations registrations, SessionSignIn sessions,
    IOptions<PasskeyOptions> options, RecentProof recent) : SignInMethodsPageModel(recent)
{
    public const string Path = "/account/passkeys";

    protected override bool IsHarmless(string? handler) => handler == "Rename";

    [BindProperty, FromForm(Name = nameof(Credential))]
    public string? Credential { get; set; }

    [BindProperty, FromForm(Name = nameof(Name))]
    public string? Name { get; set; }

    [BindProperty, FromForm(Name = nameof(Id))]
    public Guid? Id { get; set; }

    public IReadOnlyList<Passkey> Passkeys { get; private set; } = [];

    /// <summary>What the last change did, shown once.</summary>
    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        Status = done switch { "added" => PasskeyText.Added, "renamed" => PasskeyText.Renamed, "removed" => PasskeyText.Removed, _ => null };
        return await accounts.FindAsync(HttpContext) is { } account ? await ShowAsync(account) : Challenge();
    }

    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await accounts.FindAsync(HttpContext) is not { } account || await SessionIdAsync() is not { } sessionId)
        {
            return NotFound();
        }

        return Content(await registrations.BeginAsync(HttpContext, PasskeyPurposes.Add, account, sessionId, cancellationToken), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await accounts.FindAsync(HttpContext) is not { } account || await SessionIdAsync() is not { } sessionId)
        {
            return Challenge();
        }

        if (PasskeyNames.Acceptable(Name, Request.Headers.UserAgent) is not { } name)
        {
            Error = PasskeyText.NameInvalid;
            return await ShowAsync(account);
        }

        if (await registrations.FinishAsync(HttpContext, PasskeyPurposes.Add, account.Id, sessionId, Credential, name, cancellationToken) is not { } passkey)
        {
            Error = PasskeyText.AddFailed;
            return await ShowAsync(account);
        }

        await passkeys.AddAsync(account, passkey, cancellationToken);
        return Redirect(Path + "?done=added");
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        if (string.IsNullOrWhiteSpace(Name) || PasskeyNames.Acceptable(Name, null) is not { } name)
        {
            Error = PasskeyText.NameInvalid;
        }
        else if (Id is not { } id || !await passkeys.RenameAsync(account, id, name, cancellationToken))
        {
            Error = PasskeyText.NotFound;
        }

        return Error is null ? Redirect(Path + "?done=renamed") : await ShowAsync(account);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        switch (Id is { } id ? await passkeys.RemoveAsync(account, id, await SessionIdAsync(), cancellationToken) : PasskeyRemoval.NotFound)
        {
            case PasskeyRemoval.Removed:
                await sessions.KeepAsync(HttpContext, account.Id); // removing renewed the stamp: other sessions end, this one stays
                return Redirect(Path + "?done=removed");
            case PasskeyRemoval.LastCredential:
                Error = PasskeyText.LastCredential;
                break;
            default:
                Error = PasskeyText.NotFound;
                break;
        }

        return await ShowAsync(account);
    }

    private async Task<string?> SessionIdAsync() => (await session.GetCurrentAsync(HttpContext))?.SessionId;

    private async Task<IActionResult> ShowAsync(Accounts.Account account)
    {
        Passkeys = await passkeys.ListAsync(account.Id, HttpContext.RequestAborted);
        return Page();
    }
}
