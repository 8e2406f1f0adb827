using System.Globalization;

namespace HelpdeskIdentity.Benchmarks;

/// <summary>
/// The service's resident memory (VmRSS in /proc/&lt;pid&gt;/status): at a moment, and the peak of a phase,
/// sampled every 200 ms. Without a process id (no <c>--service-pid</c>) every figure is null.
/// </summary>
internal sealed class ServiceMemory(int? pid)
{
    /// <summary>Issues 10 and 14 say "< 300 MB under load": 300,000,000 bytes, 286.1 MiB of VmRSS.</summary>
    public const double LoadTargetMiB = 300_000_000 / 1048576.0;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>VmRSS in MiB, or null when there is no process to read.</summary>
    public double? Now()
    {
        if (pid is not { } id)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null; // the process has ended
        }
    }

    /// <summary>Runs <paramref name="phase"/> and returns its result with the highest VmRSS seen meanwhile.</summary>
    public async Task<(T Result, double? PeakMiB)> PeakDuringAsync<T>(Func<Task<T>> phase)
    {
        double? peak = null;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (Now() is { } now && now > (peak ?? 0))
                {
                    peak = now;
                }

                try
                {
                    await Task.Delay(Interval, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // the phase is over
                }
            }
        });

        T result;
        try
        {
            result = await phase();
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
        }

        return (result, peak);
    }

    /// <summary>
    /// The line for a program's report: VmRSS at its start and the highest under its loads, judged against
    /// the load target. (The idle target is for a service that has done nothing yet; run-side-by-side.sh
    /// reads that one, 10 s after the service became ready.)
    /// </summary>
    public static string Report(double? atStart, IEnumerable<(string Load, double? PeakMiB)> peaks)
    {
        if (atStart is null)
        {
            return "Service RSS: not measured (no --service-pid).";
        }

        var measured = peaks.ToList();
        var verdict = measured.All(p => p.PeakMiB < LoadTargetMiB) ? "MET" : "MISSED";
        return $"Service RSS (VmRSS): {MiB(atStart)} at the start; peak "
            + string.Join(", ", measured.Select(p => $"{MiB(p.PeakMiB)} during {p.Load}"))
            + string.Create(CultureInfo.InvariantCulture, $" (target < 300 MB = {LoadTargetMiB:0.0} MiB under load: {verdict})");
    }

    private static string MiB(double? miB) => string.Create(CultureInfo.InvariantCulture, $"{miB:N0} MiB");
}
