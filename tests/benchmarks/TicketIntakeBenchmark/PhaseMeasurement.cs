namespace TicketIntakeBenchmark;

/// <summary>The figures of one phase, from the send stamps and when each ticket was done (committed by the service, or reached the bare consumer).</summary>
internal sealed record PhaseMeasurement
{
    /// <summary>Fewer tickets than this share done after publishing ended counts as "kept up".</summary>
    private const double BacklogShare = 0.01;

    public required string RunId { get; init; }

    public required int Tickets { get; init; }

    public required int Senders { get; init; }

    /// <summary>First send to last confirm.</summary>
    public required TimeSpan PublishDuration { get; init; }

    /// <summary>First send to the last ticket done.</summary>
    public required TimeSpan EndToEndDuration { get; init; }

    public double PublishRate => Tickets / PublishDuration.TotalSeconds;

    /// <summary>Tickets done per second from the first send to the last done.</summary>
    public double Throughput => Tickets / EndToEndDuration.TotalSeconds;

    public double AccountsPerSecond => Senders / EndToEndDuration.TotalSeconds;

    /// <summary>Tickets done per second after the last confirm; null when the consumer kept up with publishing.</summary>
    public required double? DrainRate { get; init; }

    public required int DoneAfterPublishing { get; init; }

    public required LatencyPercentiles Latency { get; init; }

    /// <summary>Null for the bare bus, which makes no accounts.</summary>
    public required AccountCheck? Accounts { get; init; }

    /// <summary>
    /// Milliseconds of CPU per ticket of each <see cref="ProcessCpu"/> group from the phase's first send until it was done
    /// (for the service, until its outbox had announced the accounts too); null until measured or where unreadable.
    /// </summary>
    public double?[]? CpuPerTicket { get; init; }

    public double? CpuTotal => CpuPerTicket is { } groups && groups.All(g => g is not null) ? groups.Sum() : null;

    public static PhaseMeasurement Compute(TicketPlan plan, PublishTimes published, DateTime[] doneAt, AccountCheck? accounts)
    {
        var firstSent = published.FirstSent;
        var lastDone = doneAt.Max();
        var afterPublishing = doneAt.Where(t => t > published.Finished).ToArray();
        var drainWindow = lastDone - published.Finished;
        var keptUp = afterPublishing.Length < Math.Max(1, plan.Count * BacklogShare) || drainWindow <= TimeSpan.FromMilliseconds(100);
        return new PhaseMeasurement
        {
            RunId = plan.RunId,
            Tickets = plan.Count,
            Senders = plan.Senders,
            PublishDuration = published.Finished - firstSent,
            EndToEndDuration = lastDone - firstSent,
            DrainRate = keptUp ? null : afterPublishing.Length / drainWindow.TotalSeconds,
            DoneAfterPublishing = afterPublishing.Length,
            Latency = LatencyPercentiles.Of(doneAt.Select((done, i) => (done - published.SentAt[i]).TotalMilliseconds)),
            Accounts = accounts,
        };
    }
}
