namespace TicketIntakeBenchmark;

/// <summary>Runs a phase: publish a fresh plan to a target, wait until it has done all of it, measure.</summary>
internal sealed class PhaseRunner(TicketPublisher publisher, IngestionProbe probe, BenchmarkOptions options)
{
    private static readonly TimeSpan OutboxDrainLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettlePause = TimeSpan.FromSeconds(2);

    /// <summary>An unmeasured flood, so start-up costs (JIT, connection pools) stay out of the figures.</summary>
    public async Task WarmUpAsync(IIntakeTarget target, CancellationToken cancellationToken)
    {
        var warmup = await RunAsync(target, "warm-up", TicketPlan.Create(options.Warmup),
            (plan, token) => publisher.FloodAsync(target.Exchange, plan, options.Outstanding, token), cancellationToken);
        if (warmup.Accounts is { Passed: false })
        {
            throw new BenchmarkException($"warm-up: account check {warmup.Accounts}", ExitCodes.CorrectnessFailed);
        }
    }

    public Task<PhaseMeasurement> FloodAsync(IIntakeTarget target, CancellationToken cancellationToken) =>
        RunAsync(target, "flood", TicketPlan.Create(options.Tickets),
            (plan, token) => publisher.FloodAsync(target.Exchange, plan, options.Outstanding, token), cancellationToken);

    public Task<PhaseMeasurement> SteadyAsync(IIntakeTarget target, CancellationToken cancellationToken) =>
        RunAsync(target, "steady", TicketPlan.Create(options.SteadyTickets),
            (plan, token) => publisher.PacedAsync(target.Exchange, plan, options.Rate, options.Outstanding, token), cancellationToken);

    /// <summary>Lets the service finish announcing the accounts it created, so that work does not land in the next phase.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync("settle: waiting for the service's outbox to drain…");
        if (!await probe.WaitForOutboxDrainedAsync(OutboxDrainLimit, cancellationToken))
        {
            await Console.Error.WriteLineAsync($"settle: outbox still has unpublished rows after {OutboxDrainLimit.TotalSeconds:0} s; going on.");
        }

        await Task.Delay(SettlePause, cancellationToken);
    }

    private async Task<PhaseMeasurement> RunAsync(IIntakeTarget target,
        string phase, TicketPlan plan, Func<TicketPlan, CancellationToken, Task<PublishTimes>> publish, CancellationToken cancellationToken)
    {
        phase = $"{target.Name} {phase}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            await Console.Error.WriteLineAsync($"{phase}: run {plan.RunId}, publishing {plan.Count:N0} tickets from {plan.Senders:N0} senders…");
            target.Expect(plan);
            var published = await publish(plan, deadline.Token);
            var seconds = (published.Finished - published.FirstSent).TotalSeconds;
            await Console.Error.WriteLineAsync($"{phase}: published in {seconds:0.00} s ({plan.Count / seconds:N0}/s); waiting until all are done…");
            var (doneAt, accounts) = await target.WaitForAllAsync(phase, plan, deadline.Token);
            return PhaseMeasurement.Compute(plan, published, doneAt, accounts);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var done = await target.CountDoneAsync(plan, cancellationToken);
            throw new BenchmarkException(
                $"{phase}: timed out after {options.Timeout.TotalSeconds:0} s with {done:N0} of {plan.Count:N0} tickets (run {plan.RunId}) done.",
                ExitCodes.TimedOut);
        }
    }
}
