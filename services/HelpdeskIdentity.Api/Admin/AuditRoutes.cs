using System.Globalization;
using HelpdeskIdentity.Api.Audit;

namespace HelpdeskIdentity.Api.Admin;

/// <summary><c>GET /admin/v1/audit</c>: the audit trail, newest first, by account, type and time (paged).</summary>
internal static class AuditRoutes
{
    public static void MapAuditRoutes(this RouteGroupBuilder admin) =>
        admin.MapGet("/audit", QueryAsync).WithTags("Audit").WithName("QueryAudit")
            .WithSummary("Audit events, newest first; filter by account, type and since (paged)");

    private static async Task<IResult> QueryAsync(string? account, string? type, string? since, string? limit, string? cursor,
        AuditLog log, AuditTrail trail, CancellationToken cancellationToken)
    {
        Guid? accountId = null;
        if (account is not null)
        {
            if (!Guid.TryParse(account, out var parsed))
            {
                return AdminProblems.Invalid("account", "is not an account id");
            }

            accountId = parsed;
        }

        if (type is not null && !AuditEventTypes.All.Contains(type))
        {
            return AdminProblems.Invalid("type", "is not an audit event type: " + string.Join(", ", AuditEventTypes.All));
        }

        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return AdminProblems.Invalid("since", "is not a date and time (ISO 8601, e.g. 2026-11-29T12:00:00Z)");
            }

            from = parsed;
        }

        var (size, badLimit) = PageRequest.Limit(limit);
        var (key, badCursor) = PageRequest.Decode(cursor);
        if ((badLimit ?? badCursor) is { } problem)
        {
            return problem;
        }

        (DateTimeOffset, Guid)? before = null;
        if (key is not null)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks)
                || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParse(parts[1], out var id))
            {
                return PageRequest.Bad;
            }

            before = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }

        var events = await log.FindAsync(new AuditFilter(accountId, type, from), size, before, cancellationToken);
        await trail.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, accountId, Detail: "audit_query"), cancellationToken);
        var next = events.Count == size ? PageRequest.Encode($"{events[^1].OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{events[^1].Id}") : null;
        return TypedResults.Ok(new Page<AuditEventView>(events.Select(AuditEventView.From).ToList(), next));
    }
}
