namespace TicketIntakeBenchmark;

/// <summary>The figures of one phase, from the send stamps and the database's commit-side clock.</summary>
internal sealed record PhaseMeasurement
{
    /// <summary>Fewer tickets than this share committed after publishing ended counts as "kept up".</summary>
    private const double BacklogShare = 0.01;

    public required string RunId { get; init; }

    public required int Tickets { get; init; }

    public required int Senders { get; init; }

    /// <summary>First send to last confirm.</summary>
    public required TimeSpan PublishDuration { get; init; }

    /// <summary>First send to last commit.</summary>
    public required TimeSpan EndToEndDuration { get; init; }

    public double PublishRate => Tickets / PublishDuration.TotalSeconds;

    /// <summary>Tickets committed per second from the first send to the last commit.</summary>
    public double Throughput => Tickets / EndToEndDuration.TotalSeconds;

    public double AccountsPerSecond => Senders / EndToEndDuration.TotalSeconds;

    /// <summary>Tickets committed per second after the last confirm; null when the service kept up with publishing.</summary>
    public required double? DrainRate { get; init; }

    public required int CommittedAfterPublishing { get; init; }

    public required LatencyPercentiles Latency { get; init; }

    public required AccountCheck Accounts { get; init; }

    public static PhaseMeasurement Compute(TicketPlan plan, PublishTimes published, DateTime[] ingestedAt, AccountCheck accounts)
    {
        var firstSent = published.FirstSent;
        var lastCommitted = ingestedAt.Max();
        var afterPublishing = ingestedAt.Where(t => t > published.Finished).ToArray();
        var drainWindow = lastCommitted - published.Finished;
        var keptUp = afterPublishing.Length < Math.Max(1, plan.Count * BacklogShare) || drainWindow <= TimeSpan.FromMilliseconds(100);
        return new PhaseMeasurement
        {
            RunId = plan.RunId,
            Tickets = plan.Count,
            Senders = plan.Senders,
            PublishDuration = published.Finished - firstSent,
            EndToEndDuration = lastCommitted - firstSent,
            DrainRate = keptUp ? null : afterPublishing.Length / drainWindow.TotalSeconds,
            CommittedAfterPublishing = afterPublishing.Length,
            Latency = LatencyPercentiles.Of(ingestedAt.Select((committed, i) => (committed - published.SentAt[i]).TotalMilliseconds)),
            Accounts = accounts,
        };
    }
}
