namespace TicketIntakeBenchmark;

/// <summary>Publish-to-commit latencies in milliseconds, nearest-rank percentiles.</summary>
internal sealed record LatencyPercentiles(double P50, double P90, double P99, double Max)
{
    public static LatencyPercentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? throw new ArgumentException("No latencies.", nameof(milliseconds))
            : new LatencyPercentiles(Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
