using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// Sets a password (or, docs/decisions/0039, adds a passkey) through a link, in one transaction: the link is spent and the account's other links
/// voided, and its pending e-mail changes too; the password replaced (the policy validator runs); the address verified (the link proved the
/// mailbox); a lockout after failed attempts cleared; every session ended (<see cref="AccountSessions"/>: a new security stamp, every refresh token and session row revoked; the page
/// signs the browser that used the link in anew); a "password changed" e-mail enqueued (in the page's language, which becomes the account's). A refused password rolls all of it back, so the link still works.
/// An account with a second factor needs a current code (or a recovery code) as well: checked first, outside the
/// transaction, so a wrong one counts toward lockout and the link keeps working (docs/decisions/0037). An account an operator
/// disabled or locked spends no link: the link does not work, and the lock stays (docs/decisions/0055).
/// </summary>
public sealed class PasswordResets(
    UserManager<Account> users, HelpdeskDbContext db, PasswordResetStore store, EmailChangeStore emailChanges, IEmailOutbox outbox,
    PasswordResetEmails emails, AccountSessions sessions, SecondFactorCheck secondFactor, AuditTrail audit, TimeProvider clock)
{
    /// <param name="confirmedName">The name the owner confirmed or typed on the page (already checked by <see cref="PersonName"/>), or null to leave the name as it is.</param>
    public Task<PasswordResetResult> SetPasswordAsync(PasswordResetLink link, string password, string? confirmedName, string? secondFactorCode,
        CancellationToken cancellationToken) =>
        SpendAsync(link, confirmedName, secondFactorCode, async (account, _) =>
            {
                if (await users.HasPasswordAsync(account))
                {
                    var removed = await users.RemovePasswordAsync(account);
                    if (!removed.Succeeded)
                    {
                        return [.. removed.Errors.Select(e => e.Description)];
                    }
                }

                var added = await users.AddPasswordAsync(account, password);
                return added.Succeeded ? [] : [.. added.Errors.Select(e => e.Description)];
            },
            account => emails.PasswordChanged(account.Email!, account.DisplayName, link.TokenHash), auditDetail: null, cancellationToken);

    /// <summary>
    /// Spends the link with a new credential: <paramref name="setCredential"/> sets it in the transaction (a password, or
    /// a passkey) and returns why it was refused (empty: accepted); the rest is what every use of a link does — see the
    /// class summary. <paramref name="notice"/> is the e-mail that tells the owner.
    /// </summary>
    public async Task<PasswordResetResult> SpendAsync(PasswordResetLink link, string? confirmedName, string? secondFactorCode,
        Func<Account, NpgsqlConnection, Task<IReadOnlyList<string>>> setCredential, Func<Account, EmailMessage> notice, string? auditDetail,
        CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(link.AccountId.ToString()) is { TwoFactorEnabled: true, HeldByOperator: false } guarded)
        {
            switch (await secondFactor.VerifyAsync(guarded, secondFactorCode ?? ""))
            {
                case SecondFactorOutcome.LockedOut:
                    return PasswordResetResult.SecondFactorRefused(Pages.PageText.LockedOut);
                case SecondFactorOutcome.Wrong:
                    return PasswordResetResult.SecondFactorRefused(TwoFactorText.CodeWrong);
            }
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (await store.ConsumeAsync(connection, link.TokenHash, now, cancellationToken) is not { } accountId
            || await users.FindByIdAsync(accountId.ToString()) is not { } account)
        {
            return PasswordResetResult.Invalid;
        }

        // The row as it is now that the link's statement holds its lock: the copy read above, before the transaction,
        // may predate an operator's unlock or enable, and saving it would fail on its concurrency stamp.
        await db.Entry(account).ReloadAsync(cancellationToken);

        if (await setCredential(account, connection) is { Count: > 0 } refused)
        {
            return PasswordResetResult.Refused(refused);
        }

        account.EmailConfirmed = true;
        if (confirmedName is not null && account.DisplayName is null)
        {
            account.DisplayName = confirmedName;
            account.SuggestedDisplayName = null;
        }

        account.LockoutEnd = null; // a lockout after failed attempts: an operator's lock never gets this far (ConsumeAsync)
        account.AccessFailedCount = 0;
        account.Language = Languages.Current;
        await db.SaveChangesAsync(cancellationToken); // the account with the changes above
        await sessions.EndOthersAfterOwnChangeAsync(connection, account.Id, currentSessionId: null, now, cancellationToken);
        await emailChanges.VoidAsync(connection, account.Id, now, cancellationToken);
        await outbox.EnqueueAsync(notice(account), db, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.PasswordResetCompleted, account.Id, Detail: auditDetail), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PasswordResetResult.Done;
    }
}
