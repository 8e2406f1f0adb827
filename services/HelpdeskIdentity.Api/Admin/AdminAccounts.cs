using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>What the admin API reads and changes about accounts. Each change and its audit event commit together.</summary>
public sealed class AdminAccounts(HelpdeskDbContext db, AuditTrail audit, AccountSessions sessions, TimeProvider clock)
{
    /// <summary>
    /// Every change renews Identity's optimistic-concurrency stamp, so an Identity update of a row read before it (a
    /// wrong password counted during the lock) fails instead of writing stale lockout fields over the operator's.
    /// </summary>
    private const string RenewStamp = "concurrency_stamp = gen_random_uuid()::text";

    public Task<AccountView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Views(db.Users.Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public Task<List<AccountView>> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        Views(db.Users.Where(u => u.NormalizedEmail == normalizedEmail)).ToListAsync(cancellationToken);

    /// <summary>The organisation's accounts in id order, after <paramref name="after"/>.</summary>
    public Task<List<AccountView>> ListByOrganizationAsync(Guid organizationId, Guid? after, int limit, CancellationToken cancellationToken) =>
        Views(db.Users.Where(u => u.OrganizationId == organizationId && (after == null || u.Id.CompareTo(after.Value) > 0)).OrderBy(u => u.Id))
            .Take(limit).ToListAsync(cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the account and records <paramref name="action"/>; false when there is no such account.</summary>
    public async Task<bool> ChangeAsync(Guid id, string action, Func<NpgsqlConnection, DateTimeOffset, Task<int>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (await change(connection, clock.GetUtcNow()) == 0)
        {
            return false;
        }

        await audit.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, id, Detail: action), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<bool> LockAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "lock", (connection, _) =>
        Sql.ExecuteAsync(connection, $"UPDATE users SET lockout_end = @until, {RenewStamp} WHERE id = @id", cancellationToken, ("id", id), ("until", Account.LockedForever)), cancellationToken);

    public Task<bool> UnlockAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "unlock", (connection, _) =>
        Sql.ExecuteAsync(connection, $"UPDATE users SET lockout_end = NULL, access_failed_count = 0, second_factor_lockout_end = NULL, second_factor_failed_count = 0, {RenewStamp} WHERE id = @id", cancellationToken, ("id", id)), cancellationToken);

    public Task<bool> DisableAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "disable", async (connection, now) =>
    {
        var changed = await Sql.ExecuteAsync(connection, $"UPDATE users SET disabled_at = coalesce(disabled_at, @now), {RenewStamp} WHERE id = @id", cancellationToken, ("id", id), ("now", now));
        if (changed > 0)
        {
            await sessions.EndAllAsync(connection, id, now, cancellationToken);
        }

        return changed;
    }, cancellationToken);

    public Task<bool> EnableAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "enable", (connection, _) =>
        Sql.ExecuteAsync(connection, $"UPDATE users SET disabled_at = NULL, {RenewStamp} WHERE id = @id", cancellationToken, ("id", id)), cancellationToken);

    public Task<bool> SignOutAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "sign_out", async (connection, now) =>
    {
        var exists = await Sql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM users WHERE id = @id)", cancellationToken, ("id", id));
        if (exists)
        {
            await sessions.EndAllAsync(connection, id, now, cancellationToken);
        }

        return exists ? 1 : 0;
    }, cancellationToken);

    /// <summary>Records a read (a look-up, a list) by the calling client; reads change nothing, so the event stands alone.</summary>
    public Task RecordReadAsync(Guid? accountId, string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, accountId, Detail: what), cancellationToken);

    private IQueryable<AccountView> Views(IQueryable<Account> accounts)
    {
        var now = clock.GetUtcNow();
        return accounts.Select(u => new AccountView(
            u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.PasswordHash != null,
            u.LockoutEnd > now ? u.LockoutEnd : u.SecondFactorLockoutEnd > now ? u.SecondFactorLockoutEnd : null,
            u.DisabledAt != null, u.DisabledAt,
            u.TicketCount, u.FirstTicketAt, u.LastTicketAt,
            db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => new OrganizationRef(o.Id, o.Name)).FirstOrDefault(),
            u.Language, u.CreatedAt,
            db.AuditEvents.Where(e => e.AccountId == u.Id && e.Type == AuditEventTypes.SignInSucceeded).Max(e => (DateTimeOffset?)e.OccurredAt)));
    }
}
