namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>A row of <c>rate_limit_counters</c> (migration 0015), written by <c>RateLimiting/RateLimitCounters</c>.</summary>
public class RateLimitCounterRecord
{
    public required byte[] KeyHash { get; set; }

    public DateTimeOffset WindowEndsAt { get; set; }

    public int Count { get; set; }
}
