namespace HelpdeskIdentity.TestSupport;

/// <summary>How a program that ran to completion ended: its exit code and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output);
