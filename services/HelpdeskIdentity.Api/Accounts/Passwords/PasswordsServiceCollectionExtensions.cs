using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

public static class PasswordsServiceCollectionExtensions
{
    /// <summary>
    /// The password policy of <c>Accounts:PasswordPolicy</c> as Identity's only password validator, and the
    /// user store that keeps password history. Call after AddIdentityCore.
    /// </summary>
    public static IdentityBuilder AddPasswordPolicy(this IdentityBuilder identity)
    {
        var services = identity.Services;
        services.AddValidatedOptions<PasswordPolicyOptions, PasswordPolicyOptionsValidator>(PasswordPolicyOptions.Section);
        // The brand a password may not contain; bound here too because the command line has no pages.
        // Binding the same section twice is harmless: the second pass writes the same values.
        services.AddOptions<BrandingOptions>().BindConfiguration(BrandingOptions.Section);
        services.AddSingleton(_ => CommonPasswords.Bundled);
        services.AddScoped<IPasswordHistory, PasswordHistory>();
        services.AddScoped<PasswordPolicy>();

        // Identity's own validator would add its composition rules; only the policy speaks.
        services.RemoveAll<IPasswordValidator<Account>>();
        services.Replace(ServiceDescriptor.Scoped<IUserStore<Account>, AccountUserStore>());
        return identity.AddPasswordValidator<PasswordPolicyValidator>();
    }
}
