using System.Runtime.InteropServices;

namespace HelpdeskIdentity.Benchmarks;

/// <summary>What the figures depend on besides the code: CPUs, memory, operating system, runtime.</summary>
internal static class MachineFacts
{
    public static string Describe()
    {
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} logical CPUs (Environment.ProcessorCount), {memoryGiB:0.0} GiB memory, "
            + $"{OperatingSystemName()}, kernel {Environment.OSVersion.Version}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string OperatingSystemName()
    {
        const string OsRelease = "/etc/os-release";
        var prettyName = File.Exists(OsRelease)
            ? File.ReadLines(OsRelease).FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return prettyName is null ? RuntimeInformation.OSDescription : prettyName["PRETTY_NAME=".Length..].Trim('"');
    }
}
