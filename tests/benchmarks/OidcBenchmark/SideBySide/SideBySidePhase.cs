namespace OidcBenchmark.SideBySide;

/// <summary>
/// Discovery, JWKS and client_credentials against our service and the peer in the same run: both warmed
/// up on each workload, then rounds in which the two take turns, the one going first alternating. Where a workload
/// has a ceiling, the bare Kestrel runs right after ours in each round.
/// </summary>
internal static class SideBySidePhase
{
    public static async Task<SideBySideMeasurement> RunAsync(
        OpenIdProvider ours, OpenIdProvider peer, OpenIdProvider ceiling, IReadOnlyList<Workload> workloads, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        foreach (var workload in workloads)
        {
            foreach (var provider in Providers(workload, ours, peer, ceiling))
            {
                await Console.Error.WriteLineAsync($"side by side: warming up {provider.Name}, {workload.Name} ({options.WrkWarmup} s)…");
                await Wrk.RunAsync(workload.Url(provider), workload.RequestLua, options.WrkWarmup, options.Connections, cancellationToken);
            }
        }

        var results = workloads.ToDictionary(w => w.Name, _ => new Dictionary<OpenIdProvider, List<WrkResult>> { [ours] = [], [peer] = [], [ceiling] = [] });
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var w = 0; w < workloads.Count; w++)
            {
                var workload = workloads[w];
                var order = Providers(workload, ours, peer, ceiling).ToList();
                if ((round + w) % 2 == 1)
                {
                    order.Reverse();
                }

                foreach (var provider in order)
                {
                    var result = await Wrk.RunAsync(workload.Url(provider), workload.RequestLua, options.WrkSeconds, options.Connections, cancellationToken);
                    results[workload.Name][provider].Add(result);
                    await Console.Error.WriteLineAsync($"side by side: round {round + 1}, {workload.Name}, {provider.Name}: {result.Rate:N0}/s, p99 {result.P99:N1} ms, {result.Errors} errors");
                }
            }
        }

        return new SideBySideMeasurement(workloads
            .Select(w => new WorkloadComparison(w, results[w.Name][ours], results[w.Name][peer], results[w.Name][ceiling]))
            .ToList());
    }

    /// <summary>Ours, the bare Kestrel when the workload has one, then the peer: reversed, the ceiling stays next to ours.</summary>
    private static IEnumerable<OpenIdProvider> Providers(Workload workload, OpenIdProvider ours, OpenIdProvider peer, OpenIdProvider ceiling) =>
        workload.HasCeiling ? [ours, ceiling, peer] : [ours, peer];
}
