namespace OidcBenchmark;

/// <summary>Bare verifications of a correct password: on one thread, then on <see cref="Threads"/> threads at once.</summary>
internal sealed record HashFloorMeasurement(
    string HashDescription, long SingleCount, TimeSpan SingleDuration, int Threads, long ParallelCount, double ParallelRate)
{
    /// <summary>What one core does alone: the floor a sign-in cannot go below.</summary>
    public double PerCoreRate => SingleCount / SingleDuration.TotalSeconds;

    public double MeanMilliseconds => SingleDuration.TotalMilliseconds / SingleCount;

    /// <summary>The rate the sign-in target compares with: the per-core rate on every core.</summary>
    public double AllCoresRate => PerCoreRate * Environment.ProcessorCount;
}
