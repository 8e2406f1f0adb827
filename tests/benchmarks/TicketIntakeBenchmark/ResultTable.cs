using System.Globalization;

namespace TicketIntakeBenchmark;

/// <summary>
/// The report: how it was made, on what, and the bare bus beside the service in the flood and steady phases, with the
/// database floor beside them in the flood.
/// </summary>
internal static class ResultTable
{
    public const double RatioTarget = 0.8;
    public const int P99TargetMilliseconds = 50;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, IReadOnlyList<string> args, BenchmarkOptions options, BenchmarkEndpoints endpoints,
        IReadOnlyList<FloodRound> rounds, PhaseMeasurement bareSteady, PhaseMeasurement serviceSteady, ServiceRss rss, IReadOnlyList<string> cpuGroups)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(endpoints.PgConnection);
        output.WriteLine();
        output.WriteLine("Ticket intake benchmark: TicketReceived published → done by a bare MassTransit consumer (no database), by the same consumer once the ticket id is committed (database floor), and by HelpdeskIdentity (committed)");
        output.WriteLine($"Command:  {CommandText.For(args)}");
        output.WriteLine(F($"Settings: {options.Rounds} flood rounds of {options.Tickets:N0} tickets each, bare bus, database floor and service taking turns, {options.Outstanding} publishes in flight, after {options.Warmup:N0} unmeasured each; steady {options.Rate:N0}/s for {options.Seconds} s; half new senders, half repeats"));
        output.WriteLine($"Machine:  {MachineFacts.Describe()}");
        output.WriteLine($"Broker:   RabbitMQ {endpoints.AmqpUrl.Host}:{endpoints.AmqpUrl.Port} (bare bus: exchange and queue {BareBus.BareExchange}; database floor: {BareBus.FloorExchange}; service: {endpoints.TicketExchange}), PostgreSQL {database.Host}:{database.Port}/{database.Database}");
        output.WriteLine(F($"Finished: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC"));
        if (CommandText.Configuration != "Release")
        {
            output.WriteLine("Warning:  a Debug build of the benchmark; publish figures are not comparable.");
        }

        output.WriteLine();
        var bareFlood = FloodRound.Median(rounds, r => r.Bare);
        var floorFlood = FloodRound.Median(rounds, r => r.Floor);
        var serviceFlood = FloodRound.Median(rounds, r => r.Service);
        var ratio = serviceFlood.Throughput / bareFlood.Throughput;
        var floorRatio = floorFlood.Throughput / bareFlood.Throughput;
        PhaseMeasurement[] phases = [bareFlood, floorFlood, serviceFlood, bareSteady, serviceSteady];
        string[][] rows =
        [
            ["Figure", "Bare bus flood (median round)", "Database floor flood (median round)", "Service flood (median round)", "Bare bus steady", "Service steady"],
            Row("run id", phases, p => p.RunId),
            Row("tickets (new senders + repeats)", phases, p => F($"{p.Tickets:N0} ({p.Senders:N0} + {p.Tickets - p.Senders:N0})")),
            Row("publish rate (first send → last confirm)", phases, p => PerSecond(p.PublishRate)),
            Row("first send → last done", phases, p => F($"{p.EndToEndDuration.TotalSeconds:0.00} s")),
            Row("sustained throughput (events/s)", phases, p => PerSecond(p.Throughput)),
            Row("done/s after last confirm", phases, Drain),
            Row("latency p50 (publish → done)", phases, p => Ms(p.Latency.P50)),
            Row("latency p90", phases, p => Ms(p.Latency.P90)),
            Row("latency p99", phases, p => Ms(p.Latency.P99)),
            Row("latency max", phases, p => Ms(p.Latency.Max)),
            Row("accounts check", phases, p => p.Accounts?.ToString() ?? "n/a (no accounts)"),
            Row($"CPU ms per ticket ({string.Join(" + ", cpuGroups)})", phases, Cpu),
            ["target", "", F($"floor ÷ bare = {floorRatio:0.00}; service ÷ floor = {serviceFlood.Throughput / floorFlood.Throughput:0.00}"),
                F($"service ÷ bare = {ratio:0.00} ≥ {RatioTarget:0.0}: {Verdict(ratio >= RatioTarget)}"), "",
                F($"p99 < {P99TargetMilliseconds} ms at {options.Rate:N0}/s: {Verdict(serviceSteady.Latency.P99 < P99TargetMilliseconds)}")],
        ];
        MarkdownTable.Write(output, rows);
        output.WriteLine();
        output.WriteLine("Rounds (bare bus / database floor / service events/s; floor ÷ bare, service ÷ bare): " + string.Join("; ", rounds.Select((r, i) =>
            F($"{i + 1} ({r.Order}) {r.Bare.Throughput:N0} / {r.Floor.Throughput:N0} / {r.Service.Throughput:N0}; {r.FloorRatio:0.00}, {r.Ratio:0.00}"))));
        output.WriteLine("CPU ms per ticket, all groups (bare bus / database floor / service): " + string.Join("; ", rounds.Select((r, i) =>
            F($"{i + 1} {Total(r.Bare)} / {Total(r.Floor)} / {Total(r.Service)}"))));
        output.WriteLine(ServiceMemory.Report(rss.AtStart, [("intake", rss.PeakUnderLoad)]));
    }

    private static string[] Row(string figure, PhaseMeasurement[] phases, Func<PhaseMeasurement, string> cell) => [figure, .. phases.Select(cell)];

    private static string Drain(PhaseMeasurement phase) => phase.DrainRate is { } rate
        ? F($"{rate:N0}/s ({phase.DoneAfterPublishing:N0} done after it)")
        : "n/a: kept up with publishing";

    private static string Cpu(PhaseMeasurement phase) => phase.CpuPerTicket is { } groups
        ? string.Join(" + ", groups.Select(g => g is { } ms ? F($"{ms:0.000}") : "?")) + (phase.CpuTotal is { } total ? F($" = {total:0.000}") : "")
        : "n/a";

    private static string Total(PhaseMeasurement phase) => phase.CpuTotal is { } total ? F($"{total:0.000}") : "n/a";

    private static string Verdict(bool met) => met ? "MET" : "MISSED";

    private static string PerSecond(double value) => F($"{value:N0}/s");

    private static string Ms(double value) => F($"{value:N0} ms");

    private static string F(FormattableString text) => text.ToString(Invariant);
}
