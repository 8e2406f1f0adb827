using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Audit;

/// <summary>Checks <c>Audit</c>: how long events are kept and how much of an address is.</summary>
internal sealed class AuditOptionsValidator : OptionsValidator<AuditOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(AuditOptions o)
    {
        yield return (o.Retention >= TimeSpan.FromDays(1) && o.Retention <= TimeSpan.FromDays(3650), "Audit:Retention must be between 1 day and 3650 days.");
        yield return (o.IPv4PrefixLength is >= 0 and <= 32, "Audit:IPv4PrefixLength must be between 0 and 32.");
        yield return (o.IPv6PrefixLength is >= 0 and <= 128, "Audit:IPv6PrefixLength must be between 0 and 128.");
    }
}
