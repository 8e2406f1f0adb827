using Npgsql;
using RabbitMQ.Client.Exceptions;
using TicketIntakeBenchmark;

// Issue 2's intake benchmark; see tests/benchmarks/README.md. Progress goes to stderr, the table to stdout.
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
    var runner = new PhaseRunner(publisher, probe, options);

    if (options.Warmup > 0)
    {
        await runner.WarmUpAsync(cancellationToken);
        await runner.SettleAsync(cancellationToken);
    }

    var flood = await runner.FloodAsync(cancellationToken);
    await runner.SettleAsync(cancellationToken);
    var steady = await runner.SteadyAsync(cancellationToken);

    ResultTable.Write(Console.Out, args, options, endpoints, flood, steady);
    return flood.Accounts.Passed && steady.Accounts.Passed ? ExitCodes.Measured : ExitCodes.CorrectnessFailed;
}, ex => ex switch
{
    NpgsqlException => "PostgreSQL",
    RabbitMQClientException => "RabbitMQ",
    _ => null,
});
