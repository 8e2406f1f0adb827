using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Organizations;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>Accounts from tickets: sender filtering, organisations, the intake transaction (TicketIntake).</summary>
    public static void AddTickets(this WebApplicationBuilder builder)
    {
        builder.AddSenderFilter();
        builder.Services.AddSingleton<TicketIntake>();
        builder.Services.AddSingleton<TicketIdPruner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketIdPruner>());
    }

    /// <summary>
    /// Who is a person (<see cref="SenderFilter"/>) and which domains are public mail providers, for intake and for
    /// registration; added once however many features ask.
    /// </summary>
    public static IHostApplicationBuilder AddSenderFilter(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(SenderFilter)))
        {
            return builder;
        }

        builder.Services.AddOptions<TicketIntakeOptions>().BindConfiguration(TicketIntakeOptions.Section)
            .PostConfigure<IConfiguration, IOptions<OrganizationOptions>>((tickets, configuration, organizations) =>
                AddOwnAddresses(tickets, [configuration["Branding:SupportEmail"], configuration["Email:From"]], new PublicMailDomains(organizations)))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TicketIntakeOptions>, TicketIntakeOptionsValidator>();
        builder.Services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<SenderFilter>();
        builder.Services.AddSingleton<PublicMailDomains>();
        return builder;
    }

    /// <summary>
    /// The helpdesk's own support and sender addresses, and their domains unless those are public mail providers,
    /// are helpdesk addresses whatever is configured: a ticket from them is a loop, never a customer account and
    /// organisation that known-domains registration would then open (review finding 11).
    /// </summary>
    private static void AddOwnAddresses(TicketIntakeOptions tickets, IEnumerable<string?> own, PublicMailDomains publicMailDomains)
    {
        foreach (var mailbox in own.Select(address => MailboxParser.Parse(address ?? "").Mailbox).OfType<MailboxAddress>())
        {
            tickets.HelpdeskAddresses.Add(mailbox.Address);
            if (!publicMailDomains.IsPublic(mailbox.Domain))
            {
                tickets.HelpdeskDomains.Add(mailbox.Domain);
            }
        }
    }
}
