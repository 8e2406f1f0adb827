namespace OidcBenchmark;

/// <summary>Request latencies in milliseconds (send → response read), nearest-rank percentiles.</summary>
internal sealed record LatencyPercentiles(double P50, double P90, double P99, double Max)
{
    /// <summary>The percentiles, or null when there is no latency to rank.</summary>
    public static LatencyPercentiles? Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? null
            : new LatencyPercentiles(Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
