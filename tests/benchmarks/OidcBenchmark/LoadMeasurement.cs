using System.Globalization;

namespace OidcBenchmark;

/// <summary>The figures of a load phase: successful operations per second, their latencies, and the errors, within the measured window.</summary>
internal sealed record LoadMeasurement(int Workers, TimeSpan Warmup, TimeSpan Measured, int Succeeded, LatencyPercentiles? Latency, int Errors, string ErrorSummary)
{
    public double Rate => Succeeded / Measured.TotalSeconds;

    public static LoadMeasurement Compute(int workers, LoadWindow window, IEnumerable<RequestSample> samples)
    {
        var counted = samples.Where(s => window.Counts(s.CompletedAt)).ToList();
        var succeeded = counted.Where(s => s.Error is null).ToList();
        var failed = counted.Where(s => s.Error is not null).ToList();
        var summary = failed.Count == 0
            ? "0"
            : string.Create(CultureInfo.InvariantCulture, $"{failed.Count:N0} (")
                + string.Join(", ", failed.GroupBy(s => s.Error).OrderByDescending(g => g.Count())
                    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count():N0}")))
                + ")";
        return new LoadMeasurement(workers, window.Warmup, window.Measured, succeeded.Count,
            LatencyPercentiles.Of(succeeded.Select(s => s.Milliseconds)), failed.Count, summary);
    }
}
