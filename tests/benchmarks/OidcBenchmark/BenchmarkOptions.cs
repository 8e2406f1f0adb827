namespace OidcBenchmark;

/// <summary>The command line, with its defaults resolved.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/benchmarks/OidcBenchmark -- [options]

          --seconds S          measured seconds of each phase (and of each half of the hash floor), default 10
          --warmup S           unmeasured seconds of load before the sign-in and refresh phases; 0 for none, default 2
          --workers N          sign-in phase: concurrent browsers, each with its own cookies, default 8
          --refresh-workers N  refresh phase: concurrent clients, each with its own refresh token family, default 32
          --peer URL           also measure discovery, JWKS and client_credentials side by side with the peer
                               OpenID provider at URL (its issuer), with wrk; run-side-by-side.sh starts one
          --rounds N           side by side: measured rounds, the order alternating, default 3
          --wrk-seconds S      side by side: seconds of each measured wrk run, default 5
          --wrk-warmup S       side by side: unmeasured seconds per provider and workload first, default 3
          --connections N      side by side: wrk connections, default 64
          --scope SCOPE        side by side: the scope client_credentials asks for, default identity.admin
          --service-pid PID    report the service's VmRSS (at the start, and the peak of each phase)
          --endpoints FILE     written by deploy/local/run.sh, default <repo>/.local/endpoints.env; the service
                               binary is taken from app/HelpdeskIdentity.Api.dll next to it
          --help               this text
        """;

    public int Seconds { get; init; } = 10;

    public int Warmup { get; init; } = 2;

    public int Workers { get; init; } = 8;

    public int RefreshWorkers { get; init; } = 32;

    public Uri? Peer { get; init; }

    public int Rounds { get; init; } = 3;

    public int WrkSeconds { get; init; } = 5;

    public int WrkWarmup { get; init; } = 3;

    public int Connections { get; init; } = 64;

    public string Scope { get; init; } = "identity.admin";

    public int? ServicePid { get; init; }

    public string? EndpointsFile { get; init; }

    public bool ShowHelp { get; init; }

    /// <exception cref="BenchmarkException">An unknown option or a bad value (exit code <see cref="ExitCodes.Usage"/>).</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var arguments = new OptionArguments(Usage);
        return arguments.Fold(args, new BenchmarkOptions(), (options, name, value) => name switch
        {
            "--seconds" => options with { Seconds = arguments.Number(name, value, minimum: 1, maximum: 3_600) },
            "--warmup" => options with { Warmup = arguments.Number(name, value, minimum: 0, maximum: 600) },
            "--workers" => options with { Workers = arguments.Number(name, value, minimum: 1, maximum: 1_000) },
            "--refresh-workers" => options with { RefreshWorkers = arguments.Number(name, value, minimum: 1, maximum: 1_000) },
            "--peer" => options with { Peer = Uri.TryCreate(value, UriKind.Absolute, out var peer) ? peer : throw arguments.Error($"--peer must be a URL, not '{value}'.") },
            "--rounds" => options with { Rounds = arguments.Number(name, value, minimum: 1, maximum: 100) },
            "--wrk-seconds" => options with { WrkSeconds = arguments.Number(name, value, minimum: 1, maximum: 600) },
            "--wrk-warmup" => options with { WrkWarmup = arguments.Number(name, value, minimum: 1, maximum: 600) },
            "--connections" => options with { Connections = arguments.Number(name, value, minimum: 2, maximum: 10_000) },
            "--scope" => options with { Scope = value },
            "--service-pid" => options with { ServicePid = arguments.Number(name, value, minimum: 1) },
            "--endpoints" => options with { EndpointsFile = value },
            _ => throw arguments.Error($"Unknown option {name}."),
        }) ?? new BenchmarkOptions { ShowHelp = true };
    }
}
