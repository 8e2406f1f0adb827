using Npgsql;
using OidcBenchmark;

// Issue 3's remaining targets; see tests/benchmarks/README.md. Progress goes to stderr, the table to stdout.
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
    await ServiceProbe.EnsureReadyAsync(endpoints, cancel.Token);

    await Console.Error.WriteLineAsync($"Creating the benchmark user with 'dotnet {endpoints.ServiceBinary} users add'…");
    var user = await ServiceCli.AddUserAsync(endpoints, cancel.Token);
    var stored = await StoredPasswordHash.ReadAsync(endpoints.PgConnection, user.AccountId, cancel.Token);

    var floor = HashFloor.Measure(stored, user.Password, TimeSpan.FromSeconds(options.Seconds), cancel.Token);
    var signIn = await SignInPhase.RunAsync(endpoints, user, options, cancel.Token);
    var refresh = await RefreshPhase.RunAsync(endpoints, user, options, cancel.Token);

    ResultTable.Write(Console.Out, args, options, endpoints, user, floor, signIn, refresh);
    return signIn.Succeeded > 0 && refresh.Succeeded > 0 ? ExitCodes.Measured : ExitCodes.NothingSucceeded;
}
catch (BenchmarkException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return ex.ExitCode;
}
catch (Exception ex) when (ex is HttpRequestException or NpgsqlException)
{
    // E.g. run.sh stopped mid-run: the service or the database went away.
    await Console.Error.WriteLineAsync($"Lost the service during the run ({ex.Message}); is deploy/local/run.sh still running?");
    return ExitCodes.Error;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return ExitCodes.Cancelled;
}
