using HelpdeskIdentity.Api.Hosting;
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
        builder.Services.AddValidatedOptions<AuditOptions, AuditOptionsValidator>(AuditOptions.Section);
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
