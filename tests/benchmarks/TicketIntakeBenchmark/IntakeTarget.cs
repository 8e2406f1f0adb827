namespace TicketIntakeBenchmark;

/// <summary>What consumes the tickets of a phase: where to publish them, and when each one was done.</summary>
internal interface IIntakeTarget
{
    string Name { get; }

    string Exchange { get; }

    /// <summary>Called before the plan's first publish.</summary>
    void Expect(TicketPlan plan);

    /// <summary>When each ticket was done (by index), once all are; the account check where there are accounts.</summary>
    Task<(DateTime[] DoneAt, AccountCheck? Accounts)> WaitForAllAsync(string phase, TicketPlan plan, CancellationToken cancellationToken);

    /// <summary>How many of the plan's tickets are done (for the time-out message).</summary>
    Task<long> CountDoneAsync(TicketPlan plan, CancellationToken cancellationToken);
}

/// <summary>HelpdeskIdentity: a ticket is done when its row in ingested_tickets is committed.</summary>
internal sealed class ServiceTarget(IngestionProbe probe, string exchange) : IIntakeTarget
{
    public string Name => "service";

    public string Exchange => exchange;

    public void Expect(TicketPlan plan)
    {
    }

    public async Task<(DateTime[] DoneAt, AccountCheck? Accounts)> WaitForAllAsync(string phase, TicketPlan plan, CancellationToken cancellationToken)
    {
        await probe.WaitForAllAsync(phase, plan, cancellationToken);
        return (await probe.ReadIngestedAtAsync(plan, cancellationToken), await probe.CheckAccountsAsync(plan, cancellationToken));
    }

    public Task<long> CountDoneAsync(TicketPlan plan, CancellationToken cancellationToken) => probe.CountIngestedAsync(plan, cancellationToken);
}

/// <summary>
/// A consumer in this process: the bare bus (a ticket is done when it reached the consumer) or the database floor
/// (when its id is committed).
/// </summary>
internal sealed class BusTarget(string name, BareBus bus) : IIntakeTarget
{
    public string Name => name;

    public string Exchange => bus.Exchange;

    public void Expect(TicketPlan plan) => bus.Arrivals.Expect(plan);

    public async Task<(DateTime[] DoneAt, AccountCheck? Accounts)> WaitForAllAsync(string phase, TicketPlan plan, CancellationToken cancellationToken) =>
        (await bus.Arrivals.WaitForAllAsync(cancellationToken), null);

    public Task<long> CountDoneAsync(TicketPlan plan, CancellationToken cancellationToken) => Task.FromResult((long)bus.Arrivals.Arrived);
}
