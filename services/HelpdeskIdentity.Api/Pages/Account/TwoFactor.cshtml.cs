using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Two-step verification on the account: set up an authenticator app (QR code and key, then a first code), see how
/// many recovery codes are left, make new ones or turn it off with a current code. New recovery codes are shown
/// once, in the answer to the post that made them. This browser stays signed in across each change. Opening the page
/// (it shows the app's key) and every change need a recent proof of who the person is (docs/decisions/0056).
/// </summary>
[Authorize]
public sealed class TwoFactorModel(SignedInAccounts accounts, Authenticators authenticators, SessionSignIn sessions, RecentProof recent)
    : SignInMethodsPageModel(recent)
{
    [BindProperty, FromForm(Name = nameof(Code))]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }

    /// <summary>The key and QR code to set the app up with, while the factor is off.</summary>
    public AuthenticatorSetup? Setup { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Recovery codes just made: shown this once.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public bool TurnedOff { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await accounts.FindAsync(HttpContext) is { } account ? await ShowAsync(account) : Challenge();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        NewRecoveryCodes = await authenticators.EnableAsync(account, Code, await CurrentSessionIdAsync(account), cancellationToken);
        if (NewRecoveryCodes is null)
        {
            Error = TwoFactorText.EnableWrongCode;
        }

        return await KeptAsync(account);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        (NewRecoveryCodes, var outcome) = await authenticators.NewRecoveryCodesAsync(account, Code, await CurrentSessionIdAsync(account), cancellationToken);
        Error = SecondFactorRefusal.Text(outcome);
        return await KeptAsync(account);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(HttpContext) is not { } account)
        {
            return Challenge();
        }

        var outcome = await authenticators.DisableAsync(account, Code, await CurrentSessionIdAsync(account), cancellationToken);
        Error = SecondFactorRefusal.Text(outcome);
        TurnedOff = outcome == SecondFactorOutcome.Accepted;
        return await KeptAsync(account);
    }

    /// <summary>This browser's session, which a change keeps while it ends the others.</summary>
    private Task<string?> CurrentSessionIdAsync(Accounts.Account account) => sessions.CurrentSessionIdAsync(HttpContext, account.Id);

    /// <summary>Re-binds this browser's session to the account's new security stamp, then shows the page.</summary>
    private async Task<IActionResult> KeptAsync(Accounts.Account account)
    {
        await sessions.KeepAsync(HttpContext, account.Id);
        return await ShowAsync(account);
    }

    private async Task<IActionResult> ShowAsync(Accounts.Account account)
    {
        Enabled = account.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await authenticators.RecoveryCodesLeftAsync(account);
        }
        else
        {
            var hadKey = await authenticators.HasKeyAsync(account);
            Setup = await authenticators.SetupAsync(account);
            if (!hadKey)
            {
                await sessions.KeepAsync(HttpContext, account.Id); // making the key renewed the security stamp
            }
        }

        return Page();
    }
}
