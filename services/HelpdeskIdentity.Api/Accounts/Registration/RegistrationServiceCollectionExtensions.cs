using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Organizations;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Registration;

public static class RegistrationServiceCollectionExtensions
{
    /// <summary>Self-registration: the rules, the register-page worker, verification links and the e-mails (docs/decisions/0017).</summary>
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddValidatedOptions<RegistrationOptions, RegistrationOptionsValidator>(RegistrationOptions.Section);
        services.AddOrganizations();
        services.AddSingleton<RegistrationStore>();
        services.AddSingleton<RegistrationRules>();
        services.AddSingleton<RegistrationPolicy>();
        services.AddSingleton<RegistrationEmails>();
        services.AddSingleton<RegistrationSignal>();
        services.AddScoped<Registrations>();
        services.AddHostedService<RegistrationWorker>();
        return services;
    }
}
