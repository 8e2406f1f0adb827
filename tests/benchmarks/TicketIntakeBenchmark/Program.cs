using Npgsql;
using RabbitMQ.Client.Exceptions;
using TicketIntakeBenchmark;

// Issue 2's intake benchmark; see tests/benchmarks/README.md. Progress goes to stderr, the table to stdout.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var options = BenchmarkOptions.Parse(args);
    if (options.ShowHelp)
    {
        Console.WriteLine(BenchmarkOptions.Usage);
        return ExitCodes.Measured;
    }

    var endpoints = BenchmarkEndpoints.Load(options.EndpointsFile);
    await using var probe = await IngestionProbe.ConnectAsync(endpoints.PgConnection, cancel.Token);
    await using var publisher = await TicketPublisher.ConnectAsync(endpoints, cancel.Token);
    var runner = new PhaseRunner(publisher, probe, options);

    if (options.Warmup > 0)
    {
        await runner.WarmUpAsync(cancel.Token);
        await runner.SettleAsync(cancel.Token);
    }

    var flood = await runner.FloodAsync(cancel.Token);
    await runner.SettleAsync(cancel.Token);
    var steady = await runner.SteadyAsync(cancel.Token);

    ResultTable.Write(Console.Out, args, options, endpoints, flood, steady);
    return flood.Accounts.Passed && steady.Accounts.Passed ? ExitCodes.Measured : ExitCodes.CorrectnessFailed;
}
catch (BenchmarkException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return ex.ExitCode;
}
catch (Exception ex) when (ex is RabbitMQClientException or NpgsqlException)
{
    // E.g. run.sh stopped mid-run: the broker or the database went away.
    var lost = ex is NpgsqlException ? "PostgreSQL" : "RabbitMQ";
    await Console.Error.WriteLineAsync($"Lost {lost} during the run ({ex.Message}); is deploy/local/run.sh still running?");
    return ExitCodes.Error;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return ExitCodes.Cancelled;
}
