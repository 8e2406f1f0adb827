namespace TicketIntakeBenchmark;

/// <summary>One round of the flood: the same load on the bare bus, the database floor and the service, one after the other in <see cref="Order"/>.</summary>
internal sealed record FloodRound(PhaseMeasurement Bare, PhaseMeasurement Floor, PhaseMeasurement Service, string Order)
{
    public double Ratio => Service.Throughput / Bare.Throughput;

    public double FloorRatio => Floor.Throughput / Bare.Throughput;

    /// <summary>The round whose figure is the median (the lower middle one for an even count).</summary>
    public static PhaseMeasurement Median(IReadOnlyList<FloodRound> rounds, Func<FloodRound, PhaseMeasurement> side)
    {
        var sorted = rounds.Select(side).OrderBy(m => m.Throughput).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}

/// <summary>The service's VmRSS in MiB: before the phases, and the highest seen while it worked (null without --service-pid).</summary>
internal sealed record ServiceRss(double? AtStart, double? PeakUnderLoad);
