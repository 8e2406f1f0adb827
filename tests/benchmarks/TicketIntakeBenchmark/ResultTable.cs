using System.Globalization;

namespace TicketIntakeBenchmark;

/// <summary>The report: how it was made, on what, and the figures of both phases side by side.</summary>
internal static class ResultTable
{
    public const int ThroughputTarget = 1_500;
    public const int P99TargetMilliseconds = 500;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, IReadOnlyList<string> args, BenchmarkOptions options, BenchmarkEndpoints endpoints,
        PhaseMeasurement flood, PhaseMeasurement steady)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(endpoints.PgConnection);
        output.WriteLine();
        output.WriteLine("Ticket intake benchmark: TicketReceived published → ticket committed by HelpdeskIdentity");
        output.WriteLine($"Command:  {CommandText.For(args)}");
        output.WriteLine(F($"Settings: flood {options.Tickets:N0} tickets, {options.Outstanding} publishes in flight, after {options.Warmup:N0} unmeasured; steady {options.Rate:N0}/s for {options.Seconds} s; half new senders, half repeats"));
        output.WriteLine($"Machine:  {MachineFacts.Describe()}");
        output.WriteLine($"Service:  RabbitMQ {endpoints.AmqpUrl.Host}:{endpoints.AmqpUrl.Port}, PostgreSQL {database.Host}:{database.Port}/{database.Database}");
        output.WriteLine(F($"Finished: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC"));
        if (CommandText.Configuration != "Release")
        {
            output.WriteLine("Warning:  a Debug build of the benchmark; publish figures are not comparable.");
        }

        output.WriteLine();
        var throughputMet = flood.Throughput >= ThroughputTarget;
        var p99Met = steady.Latency.P99 < P99TargetMilliseconds;
        string[][] rows =
        [
            ["Figure", "Flood", "Steady"],
            ["run id", flood.RunId, steady.RunId],
            ["tickets (new senders + repeats)", Tickets(flood), Tickets(steady)],
            ["offered load", F($"max, {options.Outstanding} in flight"), F($"{options.Rate:N0}/s for {options.Seconds} s")],
            ["publish rate (first send → last confirm)", PerSecond(flood.PublishRate), PerSecond(steady.PublishRate)],
            ["first send → last commit", Seconds(flood.EndToEndDuration), Seconds(steady.EndToEndDuration)],
            ["sustained throughput (events/s)", PerSecond(flood.Throughput), PerSecond(steady.Throughput)],
            ["new accounts/s", PerSecond(flood.AccountsPerSecond), PerSecond(steady.AccountsPerSecond)],
            ["consume rate after last confirm", Drain(flood), Drain(steady)],
            ["latency p50 (publish → commit)", Ms(flood.Latency.P50), Ms(steady.Latency.P50)],
            ["latency p90", Ms(flood.Latency.P90), Ms(steady.Latency.P90)],
            ["latency p99", Ms(flood.Latency.P99), Ms(steady.Latency.P99)],
            ["latency max", Ms(flood.Latency.Max), Ms(steady.Latency.Max)],
            ["accounts check", flood.Accounts.ToString(), steady.Accounts.ToString()],
            ["target", F($"≥ {ThroughputTarget:N0} events/s: {(throughputMet ? "MET" : "MISSED")}"),
                F($"p99 < {P99TargetMilliseconds} ms at {options.Rate:N0}/s: {(p99Met ? "MET" : "MISSED")}")],
        ];
        MarkdownTable.Write(output, rows);
    }

    private static string Tickets(PhaseMeasurement phase) => F($"{phase.Tickets:N0} ({phase.Senders:N0} + {phase.Tickets - phase.Senders:N0})");

    private static string Drain(PhaseMeasurement phase) => phase.DrainRate is { } rate
        ? F($"{rate:N0}/s ({phase.CommittedAfterPublishing:N0} committed after it)")
        : "n/a: kept up with publishing";

    private static string PerSecond(double value) => F($"{value:N0}/s");

    private static string Seconds(TimeSpan value) => F($"{value.TotalSeconds:0.00} s");

    private static string Ms(double value) => F($"{value:N0} ms");

    private static string F(FormattableString text) => text.ToString(Invariant);
}
