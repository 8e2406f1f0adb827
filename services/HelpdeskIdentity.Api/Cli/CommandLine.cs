namespace HelpdeskIdentity.Api.Cli;

/// <summary>
/// Operator commands run through the service's own binary (<c>dotnet HelpdeskIdentity.Api.dll tickets publish …</c>),
/// configured like the service itself (appsettings, environment variables).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: HelpdeskIdentity.Api <command>
          migrate                          bring the database schema up to date, then exit (a one-off job before the replicas)
          tickets publish FROM [SUBJECT]   publish a TicketReceived as plain JSON, as a helpdesk would
          users add EMAIL [--name NAME]    create a verified account; the password is the first line of standard input
          users show EMAIL                 print an account (id, verified, password set, lockout, tickets, organisation)
          accounts find EMAIL              print the account with this address (JSON, as the admin API)
          accounts show|lock|unlock|disable|enable|sign-out ID
                                           print, or change and print, the account with this id
          accounts erase ID --yes          GDPR erase: delete the person for good (announces RequesterAccountErased)
          accounts export ID               GDPR export: everything held about the person, as JSON
          audit tail [--account ID] [--type TYPE] [-n N]
                                           the newest N (20) audit events, tab-separated
          clients list                     print the registered OIDC clients (never their secrets)
          keys list                        print the signing keys: kid, state, when each signs, until when JWKS lists it
          keys rotate [--now]              announce a successor that signs after Oidc:SigningKeys:AnnounceBefore; with
                                           --now, a key that signs at once (the old one stays in JWKS); prints its kid
          organizations show DOMAIN        print the organisation that owns DOMAIN (id, name, domains, accounts, self-registration)
          organizations add-domain DOMAIN NEW-DOMAIN
                                           list NEW-DOMAIN (a subdomain, a sister domain) under DOMAIN's organisation
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

        return await RunAsync(args, configuration, CliConsole.System);
    }

    /// <summary>Runs one command with the given configuration and console (tests pass their own).</summary>
    internal static async Task<int> RunAsync(string[] args, IConfiguration configuration, CliConsole console)
    {
        switch (args)
        {
            case ["tickets", "publish", var from, .. var rest] when rest.Length <= 1:
                return await TicketCommands.PublishAsync(configuration, from, rest.FirstOrDefault());
            case ["users", "add", var email]:
                return await UserCommands.AddAsync(configuration, email, null, console);
            case ["users", "add", var email, "--name", var name]:
                return await UserCommands.AddAsync(configuration, email, name, console);
            case ["users", "show", var email]:
                return await UserCommands.ShowAsync(configuration, email, console);
            case ["organizations", "show", var domain]:
                return await OrganizationCommands.ShowAsync(configuration, domain, console);
            case ["organizations", "add-domain", var domain, var newDomain]:
                return await OrganizationCommands.AddDomainAsync(configuration, domain, newDomain, console);
            case ["migrate"]:
                return await MigrateCommand.RunAsync(configuration, console);
            case ["accounts", "find", var email]:
                return await AccountCommands.FindAsync(configuration, email, console);
            case ["accounts", "show", var id]:
                return await AccountCommands.ShowAsync(configuration, id, console);
            case ["accounts", var action and ("lock" or "unlock" or "disable" or "enable" or "sign-out"), var id]:
                return await AccountCommands.ChangeAsync(configuration, action, id, console);
            case ["accounts", "erase", var id, .. var rest] when rest is [] or ["--yes"]:
                return await AccountCommands.EraseAsync(configuration, id, rest is ["--yes"], console);
            case ["accounts", "export", var id]:
                return await AccountCommands.ExportAsync(configuration, id, console);
            case ["audit", "tail", .. var options]:
                return await AuditCommands.TailAsync(configuration, options, console);
            case ["clients", "list"]:
                return await ClientCommands.ListAsync(configuration, console);
            case ["keys", "list"]:
                return await KeyCommands.ListAsync(configuration, console);
            case ["keys", "rotate", .. var rest] when rest is [] or ["--now"]:
                return await KeyCommands.RotateAsync(configuration, rest is ["--now"], console);
            case ["help" or "--help"]:
                await console.Output.WriteLineAsync(Usage);
                return 0;
            default:
                await console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
