namespace OidcBenchmark.SideBySide;

/// <summary>
/// Discovery, JWKS and client_credentials against our service and the peer in the same run: both warmed
/// up on each workload, then rounds in which the two take turns, the one going first alternating.
/// </summary>
internal static class SideBySidePhase
{
    public static async Task<SideBySideMeasurement> RunAsync(
        OpenIdProvider ours, OpenIdProvider peer, IReadOnlyList<Workload> workloads, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        foreach (var workload in workloads)
        {
            foreach (var provider in new[] { ours, peer })
            {
                await Console.Error.WriteLineAsync($"side by side: warming up {provider.Name}, {workload.Name} ({options.WrkWarmup} s)…");
                await Wrk.RunAsync(workload.Url(provider), workload.RequestLua, options.WrkWarmup, options.Connections, cancellationToken);
            }
        }

        var results = workloads.ToDictionary(w => w.Name, _ => (Ours: new List<WrkResult>(), Peer: new List<WrkResult>()));
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var w = 0; w < workloads.Count; w++)
            {
                var workload = workloads[w];
                var order = (round + w) % 2 == 0 ? new[] { ours, peer } : [peer, ours];
                foreach (var provider in order)
                {
                    var result = await Wrk.RunAsync(workload.Url(provider), workload.RequestLua, options.WrkSeconds, options.Connections, cancellationToken);
                    (provider == ours ? results[workload.Name].Ours : results[workload.Name].Peer).Add(result);
                    await Console.Error.WriteLineAsync($"side by side: round {round + 1}, {workload.Name}, {provider.Name}: {result.Rate:N0}/s, p99 {result.P99:N1} ms, {result.Errors} errors");
                }
            }
        }

        return new SideBySideMeasurement(workloads.Select(w => new WorkloadComparison(w, results[w.Name].Ours, results[w.Name].Peer)).ToList());
    }
}
