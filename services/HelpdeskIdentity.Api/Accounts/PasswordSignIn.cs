using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Checks an address and password the way OWASP asks: one answer for an unknown address, an unclaimed
/// account and a wrong password, in about the same time (a password is always verified against a hash,
/// a dummy one when there is none), and lockout after repeated failures. Logs account ids, never addresses.
/// </summary>
public sealed partial class PasswordSignIn(
    UserManager<Account> users, IPasswordHasher<Account> hasher, HelpdeskDbContext db, AuditTrail audit, OutboxSignal outboxSignal,
    ILogger<PasswordSignIn> logger)
{
    private static string? _dummyHash;

    public async Task<PasswordSignInResult> CheckAsync(string email, string password)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            VerifyDummy(password);
            LogUnknownAddress();
            await audit.RecordAsync(new(AuditEventTypes.SignInFailed, null, Succeeded: false, Detail: "unknown_address"), CancellationToken.None);
            return PasswordSignInResult.Failed;
        }

        if (await VerifyAsync(account, password) is { Account: null } refused)
        {
            return refused;
        }

        if (account.Language != Languages.Current)
        {
            account.Language = Languages.Current; // e-mails follow the language last used; written only when it changes
            await users.UpdateAsync(account);
        }

        LogSignedIn(account.Id);
        return PasswordSignInResult.Succeeded(account);
    }

    /// <summary>
    /// Checks the password of a claimed account — at sign-in, and again before a signed-in user changes the
    /// password or the address: a locked account refuses every password, a wrong one counts toward lockout,
    /// a right one clears the count. Logs the account id only.
    /// </summary>
    public async Task<PasswordSignInResult> VerifyAsync(Account account, string password)
    {
        if (account.PasswordHash is null)
        {
            VerifyDummy(password);
            LogUnclaimed(account.Id);
            await audit.RecordAsync(new(AuditEventTypes.SignInFailed, account.Id, Succeeded: false, Detail: "unclaimed"), CancellationToken.None);
            return PasswordSignInResult.Failed;
        }

        if (account.DisabledAt is not null)
        {
            VerifyDummy(password); // same answer and about the same time as a wrong password
            LogDisabled(account.Id);
            await audit.RecordAsync(new(AuditEventTypes.SignInFailed, account.Id, Succeeded: false, Detail: "disabled"), CancellationToken.None);
            return PasswordSignInResult.Failed;
        }

        if (await users.IsLockedOutAsync(account))
        {
            LogLockedOut(account.Id);
            await audit.RecordAsync(new(AuditEventTypes.SignInLockedOut, account.Id, Succeeded: false), CancellationToken.None);
            return PasswordSignInResult.LockedOut;
        }

        if (!await users.CheckPasswordAsync(account, password))
        {
            return await CountFailureAsync(account);
        }

        if (account.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(account);
        }

        return PasswordSignInResult.Succeeded(account);
    }

    /// <summary>
    /// A wrong password: the access-failed count (and the lockout it may start) and its audit event commit together or
    /// not at all — both are written on this request's connection inside one transaction (docs/decisions/0034).
    /// </summary>
    private async Task<PasswordSignInResult> CountFailureAsync(Account account)
    {
        bool lockedNow;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            lockedNow = await CountWrongPasswordAsync(account.Id);
            await audit.RecordAsync(new(lockedNow ? AuditEventTypes.SignInLockedOut : AuditEventTypes.SignInFailed, account.Id, Succeeded: false, Detail: "wrong_password"), db, CancellationToken.None);
            await transaction.CommitAsync();
        }

        outboxSignal.Notify();
        LogWrongPassword(account.Id, lockedNow);
        return lockedNow ? PasswordSignInResult.LockedOut : PasswordSignInResult.Failed;
    }

    /// <summary>
    /// Identity's count and lockout (<c>AccessFailedAsync</c>: at the limit the account locks for the lockout's duration
    /// and the count starts again), in one UPDATE instead of a read and a whole-row save: wrong passwords sent at the
    /// same moment each count, where Identity's saves would lose all but one to the concurrency stamp. The stamp is
    /// renewed as Identity's save renews it, so an older copy of the row cannot be saved over the count. An operator's
    /// lock is never shortened. The time is Identity's (the wall clock), which <c>IsLockedOutAsync</c> compares with.
    /// Returns whether the account is locked out now.
    /// </summary>
    private async Task<bool> CountWrongPasswordAsync(Guid accountId)
    {
        var (max, now, forever) = (users.Options.Lockout.MaxFailedAccessAttempts, DateTimeOffset.UtcNow, Account.LockedForever);
        var until = now + users.Options.Lockout.DefaultLockoutTimeSpan;
        var locked = await db.Database.SqlQuery<bool>($"""
            UPDATE users SET
                access_failed_count = CASE WHEN access_failed_count + 1 >= {max} THEN 0 ELSE access_failed_count + 1 END,
                lockout_end = CASE WHEN access_failed_count + 1 >= {max} AND coalesce(lockout_end < {forever}, true) THEN {until} ELSE lockout_end END,
                concurrency_stamp = {Guid.NewGuid().ToString()}
            WHERE id = {accountId} AND lockout_enabled
            RETURNING coalesce(lockout_end >= {now}, false) AS "Value"
            """).ToListAsync();
        return locked is [true];
    }

    private void VerifyDummy(string password)
    {
        var dummyAccount = new Account();
        _dummyHash ??= hasher.HashPassword(dummyAccount, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(dummyAccount, _dummyHash, password);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed: no account for the address")]
    private partial void LogUnknownAddress();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed: account {AccountId} has no password yet")]
    private partial void LogUnclaimed(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed: account {AccountId} is disabled")]
    private partial void LogDisabled(Guid accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password check refused: account {AccountId} is locked out")]
    private partial void LogLockedOut(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password check failed: wrong password for account {AccountId} (now locked out: {LockedOut})")]
    private partial void LogWrongPassword(Guid accountId, bool lockedOut);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} signed in")]
    private partial void LogSignedIn(Guid accountId);
}
