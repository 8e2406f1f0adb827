using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// A signed-in person's passkeys (docs/decisions/0039): add one, rename one, remove one — never the last passkey of an
/// account without a password. Adding or removing tells the owner by e-mail and writes an audit event, in the same
/// transaction as the change; removing also renews the security stamp and revokes the provider's grants to the account and every
/// session but the caller's (which the caller keeps).
/// </summary>
public sealed partial class PasskeyAccounts(
    UserManager<Account> users, IPasskeyStore store, HelpdeskDbContext db, IEmailOutbox outbox, PasskeyEmails emails, AuditTrail audit,
    AccountSessions sessions, TimeProvider clock, ILogger<PasskeyAccounts> logger)
{
    public Task<IReadOnlyList<Passkey>> ListAsync(Guid accountId, CancellationToken cancellationToken) => store.ListAsync(accountId, cancellationToken);

    public async Task AddAsync(Account account, Passkey passkey, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreAsync(account, passkey, (NpgsqlConnection)db.Database.GetDbConnection(), PasskeyAuditDetails.AccountPage, cancellationToken);
        await outbox.EnqueueAsync(emails.Added(account, passkey.Name), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores the passkey and its audit event in the caller's transaction on <paramref name="connection"/> (the caller sends the notice).</summary>
    public async Task StoreAsync(Account account, Passkey passkey, NpgsqlConnection connection, string detail, CancellationToken cancellationToken)
    {
        await store.AddAsync(connection, passkey, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.PasskeyAdded, account.Id, Detail: detail), connection, cancellationToken);
        LogAdded(account.Id, detail);
    }

    public Task<bool> RenameAsync(Account account, Guid id, string name, CancellationToken cancellationToken) =>
        store.RenameAsync(account.Id, id, name, cancellationToken);

    public async Task<PasskeyRemoval> RemoveAsync(Account account, Guid id, string? currentSessionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var passkeys = await store.CountForUpdateAsync(connection, account.Id, cancellationToken); // locks them: two removals cannot both pass
        if ((await store.ListAsync(account.Id, cancellationToken)).FirstOrDefault(p => p.Id == id) is not { } passkey)
        {
            return PasskeyRemoval.NotFound;
        }

        if (passkeys <= 1 && !await users.HasPasswordAsync(account))
        {
            return PasskeyRemoval.LastCredential;
        }

        await store.RemoveAsync(connection, account.Id, id, cancellationToken);
        await users.UpdateSecurityStampAsync(account);
        await sessions.EndOthersAfterFactorChangeAsync(connection, account.Id, currentSessionId, clock.GetUtcNow(), cancellationToken);
        await outbox.EnqueueAsync(emails.Removed(account, passkey.Name), db, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.PasskeyRemoved, account.Id), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRemoved(account.Id);
        return PasskeyRemoval.Removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: passkey added ({Detail})")]
    private partial void LogAdded(Guid accountId, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: passkey removed")]
    private partial void LogRemoved(Guid accountId);
}

/// <summary>What removing a passkey did.</summary>
public enum PasskeyRemoval
{
    Removed,
    NotFound,

    /// <summary>Refused: it is the account's only passkey and the account has no password.</summary>
    LastCredential,
}

/// <summary>Where a passkey was added, as the audit event's detail.</summary>
public static class PasskeyAuditDetails
{
    public const string AccountPage = "account_page";
    public const string Claim = "set_password_link";
}
