using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Audit;

/// <summary>Once an hour, deletes audit events older than <c>Audit:Retention</c>.</summary>
internal sealed class AuditPruner(AuditTrail trail, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditPruner> logger)
    : HourlyPruner(clock, logger)
{
    protected override string What => "audit events past Audit:Retention";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        trail.DeleteBeforeAsync(Clock.GetUtcNow() - options.Value.Retention, cancellationToken);
}
