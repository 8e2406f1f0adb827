using Fido2NetLib;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

public static class PasskeysServiceCollectionExtensions
{
    /// <summary>
    /// Passkeys (docs/decisions/0039): the relying party from <c>Passkeys</c> (defaults from <c>Oidc:Issuer</c>, checked at
    /// start-up), Fido2 for the WebAuthn checks, the store, the ceremonies and their pruner.
    /// </summary>
    public static IHostApplicationBuilder AddPasskeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PasskeyOptions>, PasskeyOptionsSetup>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsSetup>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IFido2>(services =>
        {
            var passkeys = services.GetRequiredService<IOptions<PasskeyOptions>>().Value;
            return new Fido2(new Fido2Configuration
            {
                RPID = passkeys.RelyingPartyId,
                RPName = services.GetRequiredService<IOptions<BrandingOptions>>().Value.ProductName,
                Origins = new HashSet<string>(passkeys.Origins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase),
                Timeout = (uint)passkeys.CeremonyLifetime.TotalMilliseconds,
            });
        });
        builder.Services.TryAddSingleton<IPasskeyStore, PasskeyStore>();
        builder.Services.TryAddSingleton<PasskeyCeremonies>();
        builder.Services.TryAddSingleton<PasskeyEmails>();
        builder.Services.TryAddScoped<PasskeyRegistrations>();
        builder.Services.TryAddScoped<PasskeySignIns>();
        builder.Services.TryAddScoped<PasskeyAccounts>();
        builder.Services.TryAddScoped<PasskeyClaims>();
        builder.Services.AddHostedService<PasskeyCeremonyPruner>();
        return builder;
    }
}
