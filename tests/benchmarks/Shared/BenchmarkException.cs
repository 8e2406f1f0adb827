namespace HelpdeskIdentity.Benchmarks;

/// <summary>A failure the benchmark explains in one message (printed without a stack trace); exit code 1 unless given.</summary>
internal sealed class BenchmarkException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
