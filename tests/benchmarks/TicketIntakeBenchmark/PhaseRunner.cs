namespace TicketIntakeBenchmark;

/// <summary>Runs a phase: publish a fresh plan, wait until the service has committed all of it, measure.</summary>
internal sealed class PhaseRunner(TicketPublisher publisher, IngestionProbe probe, BenchmarkOptions options)
{
    private static readonly TimeSpan OutboxDrainLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettlePause = TimeSpan.FromSeconds(2);

    /// <summary>An unmeasured flood, so the service's start-up costs (JIT, connection pools) stay out of the figures.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var warmup = await RunAsync("warm-up", TicketPlan.Create(options.Warmup),
            (plan, token) => publisher.FloodAsync(plan, options.Outstanding, token), cancellationToken);
        if (!warmup.Accounts.Passed)
        {
            throw new BenchmarkException($"warm-up: account check {warmup.Accounts}", ExitCodes.CorrectnessFailed);
        }
    }

    public Task<PhaseMeasurement> FloodAsync(CancellationToken cancellationToken) =>
        RunAsync("flood", TicketPlan.Create(options.Tickets),
            (plan, token) => publisher.FloodAsync(plan, options.Outstanding, token), cancellationToken);

    public Task<PhaseMeasurement> SteadyAsync(CancellationToken cancellationToken) =>
        RunAsync("steady", TicketPlan.Create(options.SteadyTickets),
            (plan, token) => publisher.PacedAsync(plan, options.Rate, options.Outstanding, token), cancellationToken);

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

    private async Task<PhaseMeasurement> RunAsync(
        string phase, TicketPlan plan, Func<TicketPlan, CancellationToken, Task<PublishTimes>> publish, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            await Console.Error.WriteLineAsync($"{phase}: run {plan.RunId}, publishing {plan.Count:N0} tickets from {plan.Senders:N0} senders…");
            var published = await publish(plan, deadline.Token);
            var seconds = (published.Finished - published.FirstSent).TotalSeconds;
            await Console.Error.WriteLineAsync($"{phase}: published in {seconds:0.00} s ({plan.Count / seconds:N0}/s); waiting for commits…");
            await probe.WaitForAllAsync(phase, plan, deadline.Token);
            var ingestedAt = await probe.ReadIngestedAtAsync(plan, deadline.Token);
            var accounts = await probe.CheckAccountsAsync(plan, deadline.Token);
            return PhaseMeasurement.Compute(plan, published, ingestedAt, accounts);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var committed = await probe.CountIngestedAsync(plan, cancellationToken);
            throw new BenchmarkException(
                $"{phase}: timed out after {options.Timeout.TotalSeconds:0} s with {committed:N0} of {plan.Count:N0} tickets (run {plan.RunId}) committed.",
                ExitCodes.TimedOut);
        }
    }
}
