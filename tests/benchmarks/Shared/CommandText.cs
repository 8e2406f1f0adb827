using System.Reflection;

namespace HelpdeskIdentity.Benchmarks;

/// <summary>The command that reproduces this run, as one would type it at the repository root.</summary>
internal static class CommandText
{
    /// <summary>How this program was built; a Debug build's figures are not comparable.</summary>
    public static string Configuration { get; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string For(IEnumerable<string> args)
    {
        var project = Assembly.GetEntryAssembly()!.GetName().Name;
        var command = $"dotnet run -c {Configuration} --project tests/benchmarks/{project}";
        var quoted = args.Select(Quote).ToList();
        return quoted.Count == 0 ? command : $"{command} -- {string.Join(' ', quoted)}";
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '+')
            ? arg
            : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
