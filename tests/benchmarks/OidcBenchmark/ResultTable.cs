using System.Globalization;

namespace OidcBenchmark;

/// <summary>The report: how it was made, on what, and the figures of the three phases side by side.</summary>
internal static class ResultTable
{
    /// <summary>Sign-ins/s must be at least this share of the bare hash rate on every core (issue 10: within 10 %).</summary>
    public const double SignInRatioTarget = 0.90;
    public const int RefreshTarget = 1_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static double SignInRatio(LoadMeasurement signIn, HashFloorMeasurement floor) => signIn.Rate / floor.AllCoresRate;

    public static void Write(TextWriter output, IReadOnlyList<string> args, BenchmarkOptions options, BenchmarkEndpoints endpoints,
        BenchmarkUser user, HashFloorMeasurement floor, LoadMeasurement signIn, LoadMeasurement refresh)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(endpoints.PgConnection);
        var cores = Environment.ProcessorCount;
        output.WriteLine();
        output.WriteLine("OIDC benchmark: bare password hash, password sign-in, refresh token grants (and, with --peer, discovery, JWKS, client_credentials beside a peer)");
        output.WriteLine($"Command:  {CommandText.For(args)}");
        output.WriteLine(F($"Settings: {options.Seconds} s measured per phase (sign-in and refresh after {options.Warmup} s unmeasured); {options.Workers} sign-in workers; {options.RefreshWorkers} refresh workers; user {user.Email} (run {user.RunId})"));
        output.WriteLine($"Machine:  {MachineFacts.Describe()}");
        output.WriteLine($"Service:  {endpoints.Issuer.GetLeftPart(UriPartial.Authority)} ({endpoints.ServiceBinary}), PostgreSQL {database.Host}:{database.Port}/{database.Database}; benchmark, service and PostgreSQL share the machine");
        output.WriteLine($"Hash:     {floor.HashDescription} (the benchmark user's stored hash)");
        output.WriteLine(F($"Finished: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC"));
        if (CommandText.Configuration != "Release")
        {
            output.WriteLine("Warning:  a Debug build of the benchmark; the figures are not comparable.");
        }

        output.WriteLine();
        var ratio = SignInRatio(signIn, floor);
        string[][] rows =
        [
            ["Figure", "Bare hash (in process)", "Password sign-in", "Refresh"],
            ["operation", "PasswordHasher.VerifyHashedPassword, right password", "POST /account/login, right password → 302", "POST token_endpoint grant_type=refresh_token"],
            ["concurrency", F($"1 thread, then {floor.Threads} threads"), F($"{signIn.Workers} workers, own cookies each"), F($"{refresh.Workers} workers, own token family each")],
            ["measured", F($"{options.Seconds} s + {options.Seconds} s"), Window(signIn), Window(refresh)],
            ["completed", F($"{floor.SingleCount:N0} + {floor.ParallelCount:N0}"), F($"{signIn.Succeeded:N0} sign-ins"), F($"{refresh.Succeeded:N0} refreshes")],
            ["throughput", F($"{floor.PerCoreRate:N1}/s per core ({floor.MeanMilliseconds:N1} ms each)"), F($"{signIn.Rate:N1} sign-ins/s"), F($"{refresh.Rate:N0} refreshes/s")],
            ["all cores", F($"{floor.ParallelRate:N1}/s on {floor.Threads} threads (per core × {cores}: {floor.AllCoresRate:N1}/s)"), "", ""],
            ["latency p50", "", Ms(signIn.Latency?.P50), Ms(refresh.Latency?.P50)],
            ["latency p90", "", Ms(signIn.Latency?.P90), Ms(refresh.Latency?.P90)],
            ["latency p99", "", Ms(signIn.Latency?.P99), Ms(refresh.Latency?.P99)],
            ["latency max", "", Ms(signIn.Latency?.Max), Ms(refresh.Latency?.Max)],
            ["errors", "0", signIn.ErrorSummary, refresh.ErrorSummary],
            ["sign-ins/s ÷ (bare/s per core × cores)", "", F($"{ratio:0.00} = {signIn.Rate:N1} ÷ ({floor.PerCoreRate:N1} × {cores})"), ""],
            ["target", "the floor for sign-in",
                F($"ratio ≥ {SignInRatioTarget:0.00}: {(ratio >= SignInRatioTarget ? "MET" : "MISSED")}"),
                F($"≥ {RefreshTarget:N0} refreshes/s: {(refresh.Rate >= RefreshTarget ? "MET" : "MISSED")}")],
        ];
        MarkdownTable.Write(output, rows);
    }

    private static string Window(LoadMeasurement phase) => phase.Warmup > TimeSpan.Zero
        ? F($"{phase.Measured.TotalSeconds:0} s after {phase.Warmup.TotalSeconds:0} s unmeasured")
        : F($"{phase.Measured.TotalSeconds:0} s");

    private static string Ms(double? value) => value is { } ms ? F($"{ms:N0} ms") : "n/a: nothing succeeded";

    private static string F(FormattableString text) => text.ToString(Invariant);
}
