namespace OidcBenchmark;

/// <summary>Missed targets are still a measurement (0); only errors and phases with nothing to measure are not.</summary>
internal static class ExitCodes
{
    public const int Measured = 0;
    public const int Usage = OptionArguments.UsageExitCode;
    public const int NothingSucceeded = 3;
}
