using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Organizations;

namespace HelpdeskIdentity.Api.Cli;

/// <summary><c>organizations show</c> and <c>organizations add-domain</c>: an organisation and the domains it holds.</summary>
internal static class OrganizationCommands
{
    /// <summary>Prints the organisation that owns the domain: id, name, domains, accounts and whether its people may register themselves.</summary>
    public static Task<int> ShowAsync(IConfiguration configuration, string domain, CliConsole console) =>
        WithDomainsAsync(configuration, console, "organizations show", [domain], async (services, domains) =>
        {
            if (await services.GetRequiredService<OrganizationStore>().FindAsync(domains[0], CancellationToken.None) is not { } organization)
            {
                await console.Error.WriteLineAsync($"organizations show: no organisation has the domain {domains[0]}.");
                return 1;
            }

            await PrintAsync(services, organization, console);
            return 0;
        });

    /// <summary>Lists another domain (a subdomain, a sister domain) under the organisation of <paramref name="domain"/>.</summary>
    public static Task<int> AddDomainAsync(IConfiguration configuration, string domain, string newDomain, CliConsole console) =>
        WithDomainsAsync(configuration, console, "organizations add-domain", [domain, newDomain], async (services, domains) =>
        {
            if (services.GetRequiredService<PublicMailDomains>().IsPublic(domains[1]))
            {
                await console.Error.WriteLineAsync($"organizations add-domain: {domains[1]} is a public mail provider's domain; it never belongs to an organisation.");
                return 1;
            }

            try
            {
                if (await services.GetRequiredService<OrganizationStore>().AddDomainAsync(domains[0], domains[1], CancellationToken.None) is not { } organization)
                {
                    await console.Error.WriteLineAsync($"organizations add-domain: no organisation has the domain {domains[0]}.");
                    return 1;
                }

                await PrintAsync(services, organization, console);
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                await console.Error.WriteLineAsync($"organizations add-domain: {ex.Message}");
                return 1;
            }
        });

    /// <summary>Parses each domain as an address's would be (A-label, lower case) before running the command.</summary>
    private static async Task<int> WithDomainsAsync(IConfiguration configuration, CliConsole console, string name, string[] input,
        Func<IServiceProvider, string[], Task<int>> command)
    {
        var domains = input.Select(d => MailboxParser.Parse("x@" + d.Trim()).Mailbox?.Domain).ToArray();
        if (Array.IndexOf(domains, null) is >= 0 and var bad)
        {
            await console.Error.WriteLineAsync($"{name}: not a domain name: {input[bad]}");
            return 1;
        }

        return await CliServices.RunAsync(configuration, console, "organizations", services => command(services, domains!));
    }

    private static Task PrintAsync(IServiceProvider services, OrganizationSummary organization, CliConsole console) =>
        console.Output.WriteLineAsync($"""
            id:                {organization.Id}
            name:              {organization.Name}
            domains:           {string.Join(' ', organization.Domains)}
            accounts:          {organization.Accounts}
            self-registration: {(services.GetRequiredService<RegistrationRules>().SelfRegistrationOn(organization.Domains, organization.SelfRegistration) ? "on" : "off")}
            """);
}
