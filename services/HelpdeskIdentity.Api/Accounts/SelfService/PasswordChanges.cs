using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>
/// A signed-in user changes the password. The current password is checked first (a wrong one counts toward
/// lockout, so a stolen session cannot guess it), then in one transaction: the password replaced (the policy
/// validator runs), every session but this browser's ended (<see cref="AccountSessions"/>: a new security stamp, every refresh token and other session revoked; the page keeps this browser's), open set-password and e-mail change
/// links voided (one asked for by whoever knew the old password must not outlive it), and the "your password was changed" e-mail enqueued. A refused password rolls
/// all of it back.
/// </summary>
public sealed partial class PasswordChanges(
    PasswordSignIn passwords, UserManager<Account> users, HelpdeskDbContext db, PasswordResetStore links, EmailChangeStore emailChanges, IEmailOutbox outbox, AccountSessions sessions,
    PasswordResetEmails emails, AuditTrail audit, TimeProvider clock, ILogger<PasswordChanges> logger)
{
    /// <param name="currentSessionId">The session of the browser making the change, which stays (null: none does).</param>
    public async Task<SelfServiceResult> ChangeAsync(Account account, string currentPassword, string newPassword, string? currentSessionId,
        CancellationToken cancellationToken)
    {
        var check = await passwords.VerifyAsync(account, currentPassword);
        if (SelfServiceResult.FromPasswordCheck(check.Status) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var removed = await users.RemovePasswordAsync(account);
        var added = removed.Succeeded ? await users.AddPasswordAsync(account, newPassword) : removed;
        if (!added.Succeeded)
        {
            return SelfServiceResult.Refused(added.Errors.Select(e => e.Description));
        }

        account.Language = Languages.Current;
        await db.SaveChangesAsync(cancellationToken); // the account with the change above
        await sessions.EndOthersAfterOwnChangeAsync(connection, account.Id, currentSessionId, now, cancellationToken);
        await links.VoidLinksAsync(connection, account.Id, now, cancellationToken);
        await emailChanges.VoidAsync(connection, account.Id, now, cancellationToken);
        await outbox.EnqueueAsync(emails.PasswordChanged(account.Email!, account.DisplayName, $"change:{Guid.CreateVersion7(now)}"), db, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.PasswordChanged, account.Id), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(account.Id);
        return SelfServiceResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} changed its password; other sessions and refresh tokens ended")]
    private partial void LogChanged(Guid accountId);
}
