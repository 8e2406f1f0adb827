using Npgsql;
using OidcBenchmark;

// Issue 3's remaining targets; see tests/benchmarks/README.md. Progress goes to stderr, the table to stdout.
return await BenchmarkRun.RunAsync(async cancellationToken =>
{
    var options = BenchmarkOptions.Parse(args);
    if (options.ShowHelp)
    {
        Console.WriteLine(BenchmarkOptions.Usage);
        return ExitCodes.Measured;
    }

    var endpoints = BenchmarkEndpoints.Load(options.EndpointsFile);
    await ServiceProbe.EnsureReadyAsync(endpoints, cancellationToken);

    await Console.Error.WriteLineAsync($"Creating the benchmark user with 'dotnet {endpoints.ServiceBinary} users add'…");
    var user = await ServiceCli.AddUserAsync(endpoints, cancellationToken);
    var stored = await StoredPasswordHash.ReadAsync(endpoints.PgConnection, user.AccountId, cancellationToken);

    var floor = HashFloor.Measure(stored, user.Password, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
    var signIn = await SignInPhase.RunAsync(endpoints, user, options, cancellationToken);
    var refresh = await RefreshPhase.RunAsync(endpoints, user, options, cancellationToken);

    ResultTable.Write(Console.Out, args, options, endpoints, user, floor, signIn, refresh);
    return signIn.Succeeded > 0 && refresh.Succeeded > 0 ? ExitCodes.Measured : ExitCodes.NothingSucceeded;
}, ex => ex switch
{
    HttpRequestException => "the service",
    NpgsqlException => "PostgreSQL",
    _ => null,
});
