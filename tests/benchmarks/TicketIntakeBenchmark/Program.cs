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
    await using var bareBus = await BareBus.StartAsync(endpoints.AmqpUrl, floor: null, cancellationToken);
    await using var databaseFloor = await DatabaseFloor.CreateAsync(endpoints.PgConnection, cancellationToken);
    await using var floorBus = await BareBus.StartAsync(endpoints.AmqpUrl, databaseFloor, cancellationToken);
    IIntakeTarget bare = new BusTarget("bare bus", bareBus);
    IIntakeTarget floor = new BusTarget("database floor", floorBus);
    IIntakeTarget service = new ServiceTarget(probe, endpoints.TicketExchange);
    var runner = new PhaseRunner(publisher, probe, options);
    var memory = new ServiceMemory(options.ServicePid);
    var cpu = ProcessCpu.Find(options.ServicePid, endpoints);
    var atStart = memory.Now();
    var peaks = new List<double?>();

    async Task<PhaseMeasurement> MeasureAsync(IIntakeTarget target, Func<IIntakeTarget, CancellationToken, Task<PhaseMeasurement>> phase)
    {
        var before = cpu.Now();
        PhaseMeasurement measurement;
        if (target != service)
        {
            measurement = await phase(target, cancellationToken);
        }
        else
        {
            (measurement, var peak) = await memory.PeakDuringAsync(() => phase(service, cancellationToken));
            peaks.Add(peak);
            await runner.SettleAsync(cancellationToken);
        }

        return measurement with { CpuPerTicket = ProcessCpu.PerTicket(before, cpu.Now(), measurement.Tickets) };
    }

    if (options.Warmup > 0)
    {
        await runner.WarmUpAsync(bare, cancellationToken);
        await runner.WarmUpAsync(floor, cancellationToken);
        await runner.WarmUpAsync(service, cancellationToken);
        await runner.SettleAsync(cancellationToken);
    }

    var rounds = new List<FloodRound>();
    IIntakeTarget[] sides = [bare, floor, service];
    for (var round = 0; round < options.Rounds; round++)
    {
        // Each round starts one side further on: bare, floor, service; then floor, service, bare; …
        var order = Enumerable.Range(0, sides.Length).Select(i => sides[(round + i) % sides.Length]).ToList();
        var measured = new Dictionary<IIntakeTarget, PhaseMeasurement>();
        foreach (var side in order)
        {
            measured[side] = await MeasureAsync(side, runner.FloodAsync);
        }

        rounds.Add(new FloodRound(measured[bare], measured[floor], measured[service], string.Join(", ", order.Select(s => s.Name))));
    }

    var bareSteady = await MeasureAsync(bare, runner.SteadyAsync);
    var serviceSteady = await MeasureAsync(service, runner.SteadyAsync);

    ResultTable.Write(Console.Out, args, options, endpoints, rounds, bareSteady, serviceSteady, new ServiceRss(atStart, peaks.Max()), cpu.Names);
    var accountsPassed = rounds.All(r => r.Service.Accounts is { Passed: true }) && serviceSteady.Accounts is { Passed: true };
    return accountsPassed ? ExitCodes.Measured : ExitCodes.CorrectnessFailed;
}, ex => ex switch
{
    NpgsqlException => "PostgreSQL",
    RabbitMQClientException => "RabbitMQ",
    _ => null,
});
