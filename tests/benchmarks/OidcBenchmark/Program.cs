using Npgsql;
using OidcBenchmark;
using OidcBenchmark.SideBySide;

// Issues 3 and 10's targets; see tests/benchmarks/README.md. Progress goes to stderr, the tables to stdout.
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
    var memory = new ServiceMemory(options.ServicePid);
    var atStart = memory.Now();
    var ours = await OpenIdProvider.DiscoverAsync("HelpdeskIdentity", endpoints.Issuer, cancellationToken);

    (SideBySideMeasurement Result, double? PeakMiB, OpenIdProvider Peer)? sideBySide = null;
    if (options.Peer is { } peerIssuer)
    {
        var peer = await OpenIdProvider.DiscoverAsync("oidc-provider", peerIssuer, cancellationToken);
        var workloads = Workload.All(endpoints.BackendClientId, endpoints.BackendClientSecret, options.Scope);
        await using var ceiling = await KestrelCeiling.StartAsync(ours, cancellationToken);
        var (result, peak) = await memory.PeakDuringAsync(() => SideBySidePhase.RunAsync(ours, peer, ceiling.Provider, workloads, options, cancellationToken));
        sideBySide = (result, peak, peer);
    }

    await Console.Error.WriteLineAsync($"Creating the benchmark user with 'dotnet {endpoints.ServiceBinary} users add'…");
    var user = await ServiceCli.AddUserAsync(endpoints, cancellationToken);
    var stored = await StoredPasswordHash.ReadAsync(endpoints.PgConnection, user.AccountId, cancellationToken);

    var floor = HashFloor.Measure(stored, user.Password, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
    var (signIn, signInPeak) = await memory.PeakDuringAsync(() => SignInPhase.RunAsync(endpoints, user, options, cancellationToken));
    var (refresh, refreshPeak) = await memory.PeakDuringAsync(() => RefreshPhase.RunAsync(endpoints, ours, user, options, cancellationToken));

    ResultTable.Write(Console.Out, args, options, endpoints, user, floor, signIn, refresh);
    if (sideBySide is { } s)
    {
        SideBySideTable.Write(Console.Out, options, ours, s.Peer, s.Result);
    }

    Console.WriteLine();
    Console.WriteLine(ServiceMemory.Report(atStart,
        [("sign-in", signInPeak), ("refresh", refreshPeak), .. sideBySide is { } m ? [("side by side", m.PeakMiB)] : Array.Empty<(string, double?)>()]));
    return signIn.Succeeded > 0 && refresh.Succeeded > 0 ? ExitCodes.Measured : ExitCodes.NothingSucceeded;
}, ex => ex switch
{
    HttpRequestException => "the service",
    NpgsqlException => "PostgreSQL",
    _ => null,
});
