using System.Threading.RateLimiting;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Telemetry;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.RateLimiting;

public static partial class RateLimitingExtensions
{
    /// <summary>The limits of <see cref="RateLimitOptions"/>, validated at start-up, as the global rate limiter.</summary>
    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.TryAddSingleton<RateLimitCounters>();
        builder.Services.AddHostedService<RateLimitCounterPruner>();
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory, IServiceProvider>((limiter, limits, logs, services) =>
        {
            var log = logs.CreateLogger(typeof(RateLimitingExtensions).FullName!);
            var shared = limits.Value.Store == SharedStore ? services.GetRequiredService<RateLimitCounters>() : null;
            limiter.GlobalLimiter = RateLimitPartitions.Create(limits.Value, shared, log);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => OnRejected(context, log);
        });
    }

    /// <summary>
    /// Reads the form of the posts limited per address (asynchronously, so the partitioner finds it
    /// read), then applies the limits to the requests <see cref="RateLimitedRequest.Policy"/> names. After the
    /// status-code pages, so a 429 gets the readable page.
    /// </summary>
    public static void UseRateLimits(this WebApplication app) =>
        // Only a limited post meets the form reading and the limiter: for anything else each of the limiter's three
        // partitioners would take its lock to answer "no limit" (decision 0052).
        app.UseWhen(context => RateLimitedRequest.Policy(context.Request) is not null, limited =>
        {
            limited.Use(async (context, next) =>
            {
                if (RateLimitedRequest.IsPerAddress(RateLimitedRequest.Policy(context.Request)) && context.Request.HasFormContentType)
                {
                    try
                    {
                        await context.Request.ReadFormAsync(context.RequestAborted);
                    }
                    catch (InvalidDataException)
                    {
                        // An unreadable form: no address to limit by; the per-client limit still applies and the page rejects the form.
                    }
                }

                await next(context);
            });
            limited.UseRateLimiter();
        });

    private const string SharedStore = "PostgreSql";

    internal static (string Key, string Problem)? FirstInvalid(RateLimitOptions options)
    {
        if (options.Store is not (SharedStore or "Memory"))
        {
            return ($"{RateLimitOptions.Section}:Store", "must be PostgreSql or Memory");
        }

        foreach (var (key, rule) in options.Rules())
        {
            if (rule.PermitLimit is < 1 or > 1_000_000)
            {
                return (key + ":PermitLimit", "must be between 1 and 1000000");
            }

            if (rule.Window < TimeSpan.FromSeconds(1) || rule.Window > TimeSpan.FromDays(1))
            {
                return (key + ":Window", "must be between 1 second and 1 day");
            }
        }

        return null;
    }

    private static ValueTask OnRejected(OnRejectedContext context, ILogger log)
    {
        var http = context.HttpContext;
        var policy = RateLimitedRequest.Policy(http.Request) ?? "unknown";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        HelpdeskTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));
        LogRejected(log, policy, RateLimitPartitionKeys.Client(http));
        // No body: the status-code pages show the readable page and keep the 429 and Retry-After.
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy} refused a request from {ClientIp}")]
    private static partial void LogRejected(ILogger log, string policy, string clientIp);
}
