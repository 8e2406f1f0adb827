using Microsoft.AspNetCore.Identity;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>The outcome of checking a second-factor code.</summary>
public enum SecondFactorOutcome
{
    Accepted,
    Wrong,
    LockedOut,
}

/// <summary>
/// Checks a code from the authenticator app (six digits) or a recovery code (spent when right) for an account with
/// a second factor. A wrong code counts toward the same lockout as a wrong password; a locked account refuses every
/// code; a right one clears the count. Used at sign-in and before a reset link may change the password.
/// </summary>
public sealed partial class SecondFactorCheck(UserManager<Account> users, ILogger<SecondFactorCheck> logger)
{
    public async Task<SecondFactorOutcome> VerifyAsync(Account account, string code)
    {
        if (await users.IsLockedOutAsync(account))
        {
            LogLockedOut(account.Id);
            return SecondFactorOutcome.LockedOut;
        }

        var typed = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var accepted = typed.Length == 6 && typed.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, typed)
            : typed.Length is > 0 and <= 20 && (await users.RedeemTwoFactorRecoveryCodeAsync(account, typed)).Succeeded;
        if (!accepted)
        {
            await users.AccessFailedAsync(account);
            var locked = await users.IsLockedOutAsync(account);
            LogWrongCode(account.Id, locked);
            return locked ? SecondFactorOutcome.LockedOut : SecondFactorOutcome.Wrong;
        }

        if (account.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(account);
        }

        return SecondFactorOutcome.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Second-factor code refused: account {AccountId} is locked out")]
    private partial void LogLockedOut(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrong second-factor code for account {AccountId} (now locked out: {LockedOut})")]
    private partial void LogWrongCode(Guid accountId, bool lockedOut);
}
