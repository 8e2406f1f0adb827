using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Organizations;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>Accounts from tickets: sender filtering, organisations, the intake decision.</summary>
    public static void AddTickets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TicketIntakeOptions>().BindConfiguration(TicketIntakeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TicketIntakeOptions>, TicketIntakeOptionsValidator>();
        builder.Services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<SenderFilter>();
        builder.Services.AddSingleton<PublicMailDomains>();
        builder.Services.AddScoped<RequesterAccounts>();
        builder.Services.AddSingleton<TicketIdPruner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketIdPruner>());
    }
}
