using System.Diagnostics;

namespace OidcBenchmark;

/// <summary>
/// The time a load phase runs: <see cref="Warmup"/> unmeasured, then <see cref="Measured"/>. Workers
/// start requests while it is open; a request counts when it completes inside the measured part.
/// </summary>
internal sealed class LoadWindow
{
    private readonly long _measureFrom;
    private readonly long _until;

    private LoadWindow(TimeSpan warmup, TimeSpan measured)
    {
        Warmup = warmup;
        Measured = measured;
        var now = Stopwatch.GetTimestamp();
        _measureFrom = now + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        _until = _measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
    }

    public TimeSpan Warmup { get; }

    public TimeSpan Measured { get; }

    /// <summary>Whether a worker may start another request.</summary>
    public bool IsOpen => Stopwatch.GetTimestamp() < _until;

    public static LoadWindow StartNow(TimeSpan warmup, TimeSpan measured) => new(warmup, measured);

    public bool Counts(long completedAt) => completedAt >= _measureFrom && completedAt < _until;
}
