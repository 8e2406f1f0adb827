namespace TicketIntakeBenchmark;

/// <summary>When each ticket of the current plan reached the bare consumer (UTC, by index); redeliveries keep the first time.</summary>
internal sealed class ArrivalRecorder
{
    private TicketPlan? _plan;
    private long[] _arrivedTicks = [];
    private int _arrived;
    private TaskCompletionSource _all = new();

    /// <summary>Starts recording a new plan; tickets of any other run are ignored from now on.</summary>
    public void Expect(TicketPlan plan)
    {
        _arrivedTicks = new long[plan.Count];
        _arrived = 0;
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _plan, plan);
    }

    public int Arrived => Volatile.Read(ref _arrived);

    public void Record(string ticketId)
    {
        var now = DateTime.UtcNow.Ticks;
        var plan = Volatile.Read(ref _plan);
        if (plan is null || !ticketId.StartsWith(plan.TicketIdPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var index = plan.IndexOf(ticketId);
        if (Interlocked.CompareExchange(ref _arrivedTicks[index], now, 0) == 0 && Interlocked.Increment(ref _arrived) == plan.Count)
        {
            _all.TrySetResult();
        }
    }

    /// <summary>The arrival times once every ticket of the plan has arrived.</summary>
    public async Task<DateTime[]> WaitForAllAsync(CancellationToken cancellationToken)
    {
        await _all.Task.WaitAsync(cancellationToken);
        return [.. _arrivedTicks.Select(ticks => new DateTime(ticks, DateTimeKind.Utc))];
    }
}
