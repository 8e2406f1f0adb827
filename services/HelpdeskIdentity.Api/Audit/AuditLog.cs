using HelpdeskIdentity.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Audit;

/// <summary>Reads the audit trail: newest first, filtered, in pages keyed by (time, id) so a page never repeats or skips a row.</summary>
public sealed class AuditLog(HelpdeskDbContext db)
{
    public async Task<IReadOnlyList<AuditEventRecord>> FindAsync(AuditFilter filter, int limit, (DateTimeOffset At, Guid Id)? before, CancellationToken cancellationToken)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(e => e.AccountId == accountId);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(e => e.Type == type);
        }

        if (filter.Since is { } since)
        {
            query = query.Where(e => e.OccurredAt >= since);
        }

        if (before is var (at, id))
        {
            query = query.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id.CompareTo(id) < 0));
        }

        return await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }
}

/// <summary>Which events to read; null = any.</summary>
public sealed record AuditFilter(Guid? AccountId = null, string? Type = null, DateTimeOffset? Since = null);
