namespace TicketIntakeBenchmark;

/// <summary>When each ticket was handed to the client (UTC, by index), and when the last confirm came.</summary>
internal sealed record PublishTimes(DateTime[] SentAt, DateTime Finished)
{
    public DateTime FirstSent => SentAt.Min();
}
