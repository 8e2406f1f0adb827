using HelpdeskIdentity.Api.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    /// <summary>
    /// The public mail provider list with its settings, and the organisation store: once, whichever concern asks
    /// first (intake registers the list itself; registration and the operator commands ask here). The settings'
    /// validator is added here whichever concern bound them.
    /// </summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.TryAddSingleton<OrganizationStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganizationOptions>, OrganizationOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(PublicMailDomains)))
        {
            services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).ValidateOnStart();
            services.AddSingleton<PublicMailDomains>();
        }

        return services;
    }
}
