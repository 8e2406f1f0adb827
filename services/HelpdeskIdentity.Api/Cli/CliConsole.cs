namespace HelpdeskIdentity.Api.Cli;

/// <summary>Where a command reads and writes: the process's console, or strings in tests.</summary>
internal sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);

    /// <summary>True when the input is a person at a terminal, whose typing must not be echoed.</summary>
    public bool IsInteractive => ReferenceEquals(Input, Console.In) && !Console.IsInputRedirected;
}
