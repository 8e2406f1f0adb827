using System.Globalization;

namespace HelpdeskIdentity.Benchmarks;

/// <summary>
/// The benchmarks' command lines: <c>--name value</c> pairs folded into an options record, <c>--help</c>,
/// and usage errors that end in the usage text (exit code 2).
/// </summary>
internal sealed class OptionArguments(string usage)
{
    public const int UsageExitCode = 2;

    /// <summary>Applies each pair to <paramref name="options"/>; null when <c>--help</c> was asked for.</summary>
    public T? Fold<T>(IReadOnlyList<string> args, T options, Func<T, string, string, T> apply)
        where T : class
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return null;
            }

            if (i + 1 >= args.Count)
            {
                throw Error($"{name} needs a value.");
            }

            options = apply(options, name, args[++i]);
        }

        return options;
    }

    public int Number(string name, string value, int minimum, int maximum = int.MaxValue) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : throw Error(maximum == int.MaxValue
                ? $"{name} must be a whole number of at least {minimum}, not '{value}'."
                : $"{name} must be a whole number from {minimum} to {maximum}, not '{value}'.");

    public BenchmarkException Error(string message) => new($"{message}\n\n{usage}", UsageExitCode);
}
