using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HelpdeskIdentity.Api.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>MassTransit's ActivitySource and Meter.</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>Pages whose links carry credentials in the query string (set-password, confirm, register).</summary>
    public static readonly PathString AccountPages = "/account";

    /// <summary>
    /// Logs carry trace and span ids. With the standard <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> variables (and
    /// <c>OTEL_SDK_DISABLED</c> not true), OpenTelemetry (<c>AddOpenTelemetry()</c>) exports to that collector:
    /// traces of ASP.NET Core, HttpClient, Npgsql, MassTransit and our own spans; their metrics and the runtime's;
    /// and logs. Every other <c>OTEL_*</c> variable (protocol, headers, batch delays, service name) works as documented.
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

        var namedByVariable = !string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!namedByVariable)
                {
                    resource.AddService("helpdesk-identity");
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(HelpdeskTelemetry.Name, MassTransit)
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = RedactAccountQuery)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(HelpdeskTelemetry.Name, MassTransit)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeFormattedMessage = true);
    }

    /// <summary>
    /// The instrumentation already replaces query values with "Redacted"; on the account pages the query (a link's
    /// token or handle) is dropped from the span altogether, whatever <c>OTEL_DOTNET_EXPERIMENTAL_*</c> says.
    /// </summary>
    private static void RedactAccountQuery(System.Diagnostics.Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments(AccountPages, StringComparison.OrdinalIgnoreCase))
        {
            activity.SetTag("url.query", null);
        }
    }

    private static bool OtlpConfigured(IConfiguration configuration) =>
        !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
        && new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT" }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
