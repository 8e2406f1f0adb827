namespace OidcBenchmark.SideBySide;

/// <summary>One workload's rounds for both providers, and their medians.</summary>
internal sealed record WorkloadComparison(Workload Workload, IReadOnlyList<WrkResult> Ours, IReadOnlyList<WrkResult> Peer)
{
    public double Ratio => Median(Ours, r => r.Rate) / Median(Peer, r => r.Rate);

    public bool Met => Ratio >= Workload.TargetRatio;

    public static double Median(IReadOnlyList<WrkResult> rounds, Func<WrkResult, double> figure)
    {
        var sorted = rounds.Select(figure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

internal sealed record SideBySideMeasurement(IReadOnlyList<WorkloadComparison> Workloads);
