using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HelpdeskIdentity.Api.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The sources and meters the service exports: ours, and those the frameworks already emit.</summary>
    public static readonly string[] Sources = [HelpdeskTelemetry.Name, "MassTransit", "Npgsql", "Microsoft.AspNetCore", "System.Net.Http"];

    public static readonly string[] Meters =
        [HelpdeskTelemetry.Name, "MassTransit", "Npgsql", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>
    /// Logs carry trace and span ids; traces, metrics and logs go to an OTLP collector when the
    /// standard <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> variables name one (and <c>OTEL_SDK_DISABLED</c> is not true).
    /// </summary>
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        if (!OtlpConfigured(builder.Configuration))
        {
            return;
        }

        var resource = ResourceBuilder.CreateDefault();
        if (string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            resource.AddService("helpdesk-identity");
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.AddOtlpExporter();
        });
        builder.Services.AddHostedService(_ => new TelemetryProviders(
            Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources).AddOtlpExporter().Build(),
            Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters).AddOtlpExporter().Build()));
    }

    private static bool OtlpConfigured(IConfiguration configuration) =>
        !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
        && new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT" }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
