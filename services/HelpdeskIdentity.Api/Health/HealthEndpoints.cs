using System.Text.Json;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpdeskIdentity.Api.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>
    /// PostgreSQL through EF; RabbitMQ through MassTransit's own bus check (tagged "ready" by MassTransit); and not
    /// stopping (<see cref="ShutdownDrain"/>: 503 from SIGTERM on, while the load balancer takes the instance out).
    /// </summary>
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<HelpdeskDbContext>("postgresql", tags: [Ready])
            .AddShutdownDrain(Ready);

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database and the bus too, and not stopping.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJson });
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
