namespace HelpdeskIdentity.Api.Cli;

/// <summary>
/// Operator commands run through the service's own binary (<c>dotnet HelpdeskIdentity.Api.dll tickets publish …</c>),
/// configured like the service itself (appsettings, environment variables).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: HelpdeskIdentity.Api <command>
          tickets publish FROM [SUBJECT]   publish a TicketReceived as plain JSON, as a helpdesk would
        With no command, the service runs.
        """;

    /// <summary>The exit code of the command in <paramref name="args"/>, or null when the service should run.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        switch (args)
        {
            case ["tickets", "publish", var from, .. var rest] when rest.Length <= 1:
                return await TicketCommands.PublishAsync(configuration, from, rest.FirstOrDefault());
            case ["help" or "--help"]:
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
