using HelpdeskIdentity.Api.Accounts.Invitation;
using HelpdeskIdentity.Api.Data;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

public static class SelfServiceServiceCollectionExtensions
{
    /// <summary>
    /// What a signed-in user changes (password, e-mail address), the invitation of accounts created from tickets, and
    /// the pruner of spent links (docs/decisions/0015-sessions-and-self-service.md, 0016-invitation.md).
    /// </summary>
    public static IServiceCollection AddSelfService(this IServiceCollection services)
    {
        services.AddSingleton<EmailChangeStore>();
        services.AddSingleton<EmailChangeEmails>();
        services.AddScoped<PasswordChanges>();
        services.AddScoped<EmailChanges>();
        services.AddSingleton<InvitationEmails>();
        services.AddSingleton<Invitations>();
        services.AddSingleton<AccountLinkPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountLinkPruner>());
        return services;
    }
}
