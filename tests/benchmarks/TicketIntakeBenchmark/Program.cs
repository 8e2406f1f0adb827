using Npgsql;
using RabbitMQ.Client.Exceptions;
using TicketIntakeBenchmark;

// Issues 2 and 14's intake benchmark; see tests/benchmarks/README.md. Progress goes to stderr, the table to stdout.
return await BenchmarkRun.RunAsync(async cancellationToken =>
{
    var options = BenchmarkOptions.Parse(args);
    if (options.ShowHelp)
    {
        Console.WriteLine(BenchmarkOptions.Usage);
        return ExitCodes.Measured;
    }

    var endpoints = BenchmarkEndpoints.Load(options.EndpointsFile);
    await using var probe = await IngestionProbe.ConnectAsync(endpoints.PgConnection, cancellationToken);
    await using var publisher = await TicketPublisher.ConnectAsync(endpoints, cancellationToken);
    await using var bareBus = await BareBus.StartAsync(endpoints.AmqpUrl, cancellationToken);
    IIntakeTarget bare = new BareTarget(bareBus.Arrivals);
    IIntakeTarget service = new ServiceTarget(probe, endpoints.TicketExchange);
    var runner = new PhaseRunner(publisher, probe, options);
    var memory = new ServiceMemory(options.ServicePid);
    var atStart = memory.Now();
    var peaks = new List<double?>();

    async Task<PhaseMeasurement> MeasureAsync(IIntakeTarget target, Func<IIntakeTarget, CancellationToken, Task<PhaseMeasurement>> phase)
    {
        if (target == bare)
        {
            return await phase(bare, cancellationToken);
        }

        var (measurement, peak) = await memory.PeakDuringAsync(() => phase(service, cancellationToken));
        peaks.Add(peak);
        await runner.SettleAsync(cancellationToken);
        return measurement;
    }

    if (options.Warmup > 0)
    {
        await runner.WarmUpAsync(bare, cancellationToken);
        await runner.WarmUpAsync(service, cancellationToken);
        await runner.SettleAsync(cancellationToken);
    }

    var rounds = new List<FloodRound>();
    for (var round = 0; round < options.Rounds; round++)
    {
        var bareFirst = round % 2 == 0;
        var first = await MeasureAsync(bareFirst ? bare : service, runner.FloodAsync);
        var second = await MeasureAsync(bareFirst ? service : bare, runner.FloodAsync);
        rounds.Add(bareFirst ? new FloodRound(first, second, BareFirst: true) : new FloodRound(second, first, BareFirst: false));
    }

    var bareSteady = await MeasureAsync(bare, runner.SteadyAsync);
    var serviceSteady = await MeasureAsync(service, runner.SteadyAsync);

    ResultTable.Write(Console.Out, args, options, endpoints, rounds, bareSteady, serviceSteady, new ServiceRss(atStart, peaks.Max()));
    var accountsPassed = rounds.All(r => r.Service.Accounts is { Passed: true }) && serviceSteady.Accounts is { Passed: true };
    return accountsPassed ? ExitCodes.Measured : ExitCodes.CorrectnessFailed;
}, ex => ex switch
{
    NpgsqlException => "PostgreSQL",
    RabbitMQClientException => "RabbitMQ",
    _ => null,
});
