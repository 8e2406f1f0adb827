using HelpdeskIdentity.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
/// a second factor. Wrong codes count toward a lockout of their own (<c>Accounts:Lockout</c>'s attempts and duration),
/// apart from the password's: guessing the password does not lock the app, nor the other way round (docs/decisions/0062).
/// Each attempt is counted before the code is checked, so codes sent at once cannot outrun the count; a right code
/// clears it. An account an operator holds refuses every code. Used at sign-in, at confirm-access and before a reset
/// link may change the password.
/// </summary>
public sealed partial class SecondFactorCheck(
    UserManager<Account> users, HelpdeskDbContext db, IOptions<AccountOptions> options, TimeProvider clock, ILogger<SecondFactorCheck> logger)
{
    private AccountLockoutOptions Lockout => options.Value.Lockout;

    public async Task<SecondFactorOutcome> VerifyAsync(Account account, string code)
    {
        var now = clock.GetUtcNow();
        var attempt = account.HeldByOperator ? 0 : await CountAttemptAsync(account.Id, now);
        if (attempt == 0)
        {
            LogLockedOut(account.Id);
            return SecondFactorOutcome.LockedOut;
        }

        var typed = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var accepted = typed.Length == 6 && typed.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, typed)
            : typed.Length is > 0 and <= 20 && (await users.RedeemTwoFactorRecoveryCodeAsync(account, typed)).Succeeded;
        if (accepted)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE users SET second_factor_failed_count = 0 WHERE id = {account.Id}");
            return SecondFactorOutcome.Accepted;
        }

        var locked = attempt >= Lockout.MaxFailedAttempts;
        if (locked)
        {
            var until = now + Lockout.Duration;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE users SET second_factor_lockout_end = {until}, second_factor_failed_count = 0 WHERE id = {account.Id}");
        }

        LogWrongCode(account.Id, locked);
        return locked ? SecondFactorOutcome.LockedOut : SecondFactorOutcome.Wrong;
    }

    /// <summary>
    /// Counts this attempt before its code is checked and returns its number in the current run of failures; 0 when the
    /// second factor is locked out — also when codes sent at once went past the limit, which locks it now.
    /// </summary>
    private async Task<int> CountAttemptAsync(Guid accountId, DateTimeOffset now)
    {
        var (max, until) = (Lockout.MaxFailedAttempts, now + Lockout.Duration);
        var counted = await db.Database.SqlQuery<int>($"""
            UPDATE users SET
                second_factor_failed_count = CASE WHEN second_factor_failed_count >= {max} THEN 0 ELSE second_factor_failed_count + 1 END,
                second_factor_lockout_end = CASE WHEN second_factor_failed_count >= {max} THEN {until} ELSE second_factor_lockout_end END
            WHERE id = {accountId} AND (second_factor_lockout_end IS NULL OR second_factor_lockout_end <= {now})
            RETURNING CASE WHEN second_factor_lockout_end > {now} THEN 0 ELSE second_factor_failed_count END AS "Value"
            """).ToListAsync();
        return counted is [var attempt] ? attempt : 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Second-factor code refused: account {AccountId} is locked out")]
    private partial void LogLockedOut(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrong second-factor code for account {AccountId} (now locked out: {LockedOut})")]
    private partial void LogWrongCode(Guid accountId, bool lockedOut);
}
