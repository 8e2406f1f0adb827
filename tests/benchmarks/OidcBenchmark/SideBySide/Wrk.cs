using System.Diagnostics;
using System.Globalization;

namespace OidcBenchmark.SideBySide;

/// <summary>What wrk reported for one run: requests/s, latency percentiles (ms), and errors (socket errors and non-2xx/3xx answers).</summary>
internal sealed record WrkResult(long Requests, double Seconds, double P50, double P99, long Errors)
{
    public double Rate => Requests / Seconds;
}

/// <summary>Runs Debian's wrk (2 threads) with a Lua script whose <c>done</c> prints one machine-readable line.</summary>
internal static class Wrk
{
    private const string Marker = "WRK-RESULT";

    private const string DoneLua = $$"""
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("{{Marker}} %d %d %d %d %d\n", summary.requests, summary.duration,
            latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
        end
        """;

    /// <exception cref="BenchmarkException">wrk is missing, fails, or prints no result line.</exception>
    public static async Task<WrkResult> RunAsync(Uri url, string requestLua, int seconds, int connections, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"oidc-benchmark-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, requestLua + "\n" + DoneLua, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-s", script, url.AbsoluteUri])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var wrk = StartOrExplain(start);
            var output = wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = wrk.StandardError.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
            var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
            if (wrk.ExitCode != 0 || line is null)
            {
                throw new BenchmarkException($"wrk against {url} exited {wrk.ExitCode} without a result: {(await errors).Trim()}");
            }

            var f = line.Split(' ')[1..].Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new WrkResult(f[0], f[1] / 1e6, f[2] / 1e3, f[3] / 1e3, f[4]);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new BenchmarkException("wrk did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BenchmarkException("wrk is not installed (apt-get install wrk, or run tests/benchmarks/run-side-by-side.sh, which installs it).");
        }
    }
}
