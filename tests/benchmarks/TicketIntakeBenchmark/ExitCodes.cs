namespace TicketIntakeBenchmark;

/// <summary>Missed targets are still a measurement (0); only errors and wrong results are not.</summary>
internal static class ExitCodes
{
    public const int Measured = 0;
    public const int Usage = OptionArguments.UsageExitCode;
    public const int CorrectnessFailed = 3;
    public const int TimedOut = 4;
}
