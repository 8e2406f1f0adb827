using HelpdeskIdentity.Api.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpdeskIdentity.Api.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit trail: its writer (for every feature), its reader, and the hourly retention delete. Every feature that
    /// writes events calls this (it adds nothing twice); the database itself comes from AddData.
    /// </summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.Retention >= TimeSpan.FromDays(1) && o.Retention <= TimeSpan.FromDays(3650),
                "Audit:Retention must be between 1 day and 3650 days.")
            .Validate(o => o.IPv4PrefixLength is >= 0 and <= 32, "Audit:IPv4PrefixLength must be between 0 and 32.")
            .Validate(o => o.IPv6PrefixLength is >= 0 and <= 128, "Audit:IPv6PrefixLength must be between 0 and 128.")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<AuditSource>();
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.TryAddScoped<AuditLog>();
        builder.Services.AddHostedService<AuditPruner>();
        return builder;
    }
}
