namespace OidcBenchmark;

/// <summary>A failure the benchmark explains in one message (printed without a stack trace).</summary>
internal sealed class BenchmarkException(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
