using System.Diagnostics;
using System.Threading.RateLimiting;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>
/// One key's fixed window, counted in <see cref="RateLimitCounters"/> so every instance spends the same budget.
/// The synchronous attempt always declines without a round trip; ASP.NET Core's rate-limiting middleware
/// then asks <see cref="AcquireAsyncCore"/>, which counts. A store that cannot be reached lets the request
/// through (logged): the page behind it needs the same database and fails on its own.
/// </summary>
internal sealed partial class SharedFixedWindowLimiter(RateLimitCounters counters, string key, RateLimitRule rule, ILogger log) : RateLimiter
{
    private static readonly RateLimitLease Declined = new Lease(false, null);
    private static readonly RateLimitLease Granted = new Lease(true, null);
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : Declined;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return Granted;
        }

        try
        {
            var (count, windowEndsAt) = await counters.IncrementAsync(key, rule.Window, cancellationToken);
            return count <= rule.PermitLimit ? Granted : new Lease(false, windowEndsAt - counters.Clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            LogStoreFailed(log, ex);
            return Granted;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate-limit counters could not be reached; the request is let through")]
    private static partial void LogStoreFailed(ILogger log, Exception exception);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? (object)(wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
            return metadata is not null;
        }
    }
}
