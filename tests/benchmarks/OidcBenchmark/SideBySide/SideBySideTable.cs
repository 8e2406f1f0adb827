using System.Globalization;

namespace OidcBenchmark.SideBySide;

/// <summary>
/// The side-by-side report: medians per provider, the ratio and its target, ours against the bare Kestrel where it
/// was measured, then every round.
/// </summary>
internal static class SideBySideTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, BenchmarkOptions options, OpenIdProvider ours, OpenIdProvider peer, SideBySideMeasurement measurement)
    {
        output.WriteLine();
        output.WriteLine(F($"Side by side with the peer ({peer.Name}, {peer.Discovery.GetLeftPart(UriPartial.Authority)}): wrk -t2 -c{options.Connections} -d{options.WrkSeconds}s per run; warm-up {options.WrkWarmup} s of each; rounds: {options.Rounds}, the order alternating; medians of the rounds"));
        output.WriteLine();
        List<string[]> rows = [["Workload", "Request", "Ours req/s", "Ours p50 / p99", "Peer req/s", "Peer p50 / p99", "Errors (ours / peer)", "Ratio", "Target", "Bare Kestrel req/s", "Ours ÷ bare"]];
        foreach (var c in measurement.Workloads)
        {
            rows.Add([
                c.Workload.Name, c.Workload.Request,
                F($"{Median(c.Ours, r => r.Rate):N0}"), Latency(c.Ours),
                F($"{Median(c.Peer, r => r.Rate):N0}"), Latency(c.Peer),
                F($"{c.Ours.Sum(r => r.Errors):N0} / {c.Peer.Sum(r => r.Errors):N0}"),
                F($"{c.Ratio:0.00}×"),
                F($"≥ {c.Workload.TargetRatio:0}×: {(c.Met ? "MET" : "MISSED")}"),
                c.OfCeiling is null ? "" : F($"{Median(c.Ceiling, r => r.Rate):N0}"),
                c.OfCeiling is { } ofCeiling ? F($"{ofCeiling:0.00}") : "",
            ]);
        }

        MarkdownTable.Write(output, [.. rows]);
        output.WriteLine();
        foreach (var c in measurement.Workloads)
        {
            output.WriteLine(c.Ceiling.Count > 0
                ? F($"Rounds, {c.Workload.Name} req/s (ours / peer / bare Kestrel): ")
                    + string.Join("; ", c.Ours.Zip(c.Peer, c.Ceiling).Select(r => F($"{r.First.Rate:N0} / {r.Second.Rate:N0} / {r.Third.Rate:N0}")))
                : F($"Rounds, {c.Workload.Name} req/s (ours / peer): ")
                    + string.Join("; ", c.Ours.Zip(c.Peer, (o, p) => F($"{o.Rate:N0} / {p.Rate:N0}"))));
        }

        output.WriteLine($"Ours: {ours.Discovery}; peer: {peer.Discovery}");
    }

    private static double Median(IReadOnlyList<WrkResult> rounds, Func<WrkResult, double> figure) => WorkloadComparison.Median(rounds, figure);

    private static string Latency(IReadOnlyList<WrkResult> rounds) => F($"{Median(rounds, r => r.P50):N1} / {Median(rounds, r => r.P99):N1} ms");

    private static string F(FormattableString text) => text.ToString(Invariant);
}
