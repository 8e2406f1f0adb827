namespace TicketIntakeBenchmark;

/// <summary>The command line, with its defaults resolved.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/benchmarks/TicketIntakeBenchmark -- [options]

          --tickets N        flood phase: N tickets (even; half new senders, half repeats), default 20000
          --rounds N         flood rounds, bare bus, database floor and service taking turns (each round
                             starting one further on), default 3
          --rate R           steady phase: R tickets per second, default 500
          --seconds S        steady phase: for S seconds, default 20
          --warmup W         unmeasured tickets first, so the service is past start-up costs; 0 for none, default 1000
          --outstanding K    unconfirmed publishes kept in flight, default 256
          --timeout SECONDS  per phase: give up when not every ticket is committed by then, default 600
          --service-pid PID  report the service's VmRSS (at the start, and the peak under its loads)
          --endpoints FILE   written by deploy/local/run.sh, default <repo>/.local/endpoints.env
          --help             this text
        """;

    public int Tickets { get; init; } = 20_000;

    public int Rounds { get; init; } = 3;

    public int Rate { get; init; } = 500;

    public int Seconds { get; init; } = 20;

    public int Warmup { get; init; } = 1_000;

    public int Outstanding { get; init; } = 256;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public int? ServicePid { get; init; }

    public string? EndpointsFile { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>Steady-phase tickets: rate × seconds, rounded down to even so every sender has a repeat.</summary>
    public int SteadyTickets => (int)Math.Min(int.MaxValue - 1, (long)Rate * Seconds) / 2 * 2;

    /// <exception cref="BenchmarkException">An unknown option or a bad value (exit code <see cref="ExitCodes.Usage"/>).</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var arguments = new OptionArguments(Usage);
        var options = arguments.Fold(args, new BenchmarkOptions(), (options, name, value) => name switch
        {
            "--tickets" => options with { Tickets = arguments.Number(name, value, minimum: 1) },
            "--rounds" => options with { Rounds = arguments.Number(name, value, minimum: 1, maximum: 100) },
            "--service-pid" => options with { ServicePid = arguments.Number(name, value, minimum: 1) },
            "--rate" => options with { Rate = arguments.Number(name, value, minimum: 1) },
            "--seconds" => options with { Seconds = arguments.Number(name, value, minimum: 1) },
            "--warmup" => options with { Warmup = arguments.Number(name, value, minimum: 0) },
            "--outstanding" => options with { Outstanding = arguments.Number(name, value, minimum: 1) },
            "--timeout" => options with { Timeout = TimeSpan.FromSeconds(arguments.Number(name, value, minimum: 1)) },
            "--endpoints" => options with { EndpointsFile = value },
            _ => throw arguments.Error($"Unknown option {name}."),
        });
        if (options is null)
        {
            return new BenchmarkOptions { ShowHelp = true };
        }

        if (options.Tickets % 2 != 0 || options.Warmup % 2 != 0)
        {
            throw arguments.Error("--tickets and --warmup must be even: every sender sends two tickets.");
        }

        return options.SteadyTickets < 2
            ? throw arguments.Error("--rate × --seconds must be at least 2 tickets.")
            : options;
    }
}
