namespace OidcBenchmark.SideBySide;

/// <summary>One workload's rounds for both providers (and the bare Kestrel, when measured), and their medians.</summary>
internal sealed record WorkloadComparison(Workload Workload, IReadOnlyList<WrkResult> Ours, IReadOnlyList<WrkResult> Peer, IReadOnlyList<WrkResult> Ceiling)
{
    public double Ratio => Median(Ours, r => r.Rate) / Median(Peer, r => r.Rate);

    public bool Met => Ratio >= Workload.TargetRatio;

    /// <summary>Ours ÷ the bare Kestrel; null when no ceiling was measured for this workload.</summary>
    public double? OfCeiling => Ceiling.Count > 0 ? Median(Ours, r => r.Rate) / Median(Ceiling, r => r.Rate) : null;

    public static double Median(IReadOnlyList<WrkResult> rounds, Func<WrkResult, double> figure)
    {
        var sorted = rounds.Select(figure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

internal sealed record SideBySideMeasurement(IReadOnlyList<WorkloadComparison> Workloads);
