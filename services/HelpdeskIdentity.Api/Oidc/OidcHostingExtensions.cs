using System.Security.Cryptography.X509Certificates;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Oidc;
using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Keys;
using HelpdeskIdentity.Oidc.Revocation;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpdeskIdentity.Api.Oidc;

public static class OidcHostingExtensions
{
    /// <summary>The OpenID Connect provider: the protocol library over our PostgreSQL stores and shared Data Protection.</summary>
    public static void AddOidc(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("HelpdeskIdentity").PersistKeysToDbContext<HelpdeskDbContext>();
        var certificate = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>();
        if (!string.IsNullOrEmpty(certificate?.CertificatePath))
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate.CertificatePath, certificate.CertificatePassword));
        }

        builder.Services.AddOidcProtocol();
        builder.Services.AddSingleton<ISigningKeyStore, SigningKeyStore>();
        builder.Services.AddSingleton<ClientStore>();
        builder.Services.AddSingleton<IClientStore>(sp => sp.GetRequiredService<ClientStore>());
        builder.Services.AddSingleton<IRevokedTokenStore, RevokedTokenStore>();
        builder.Services.TryAddSingleton<GrantRevocations>();
        builder.Services.AddSingleton<IGrantStore, GrantStore>();
        builder.Services.AddSingleton<IProfileService, AccountProfileService>();
        builder.Services.AddHostedService<ClientSeeder>();
        builder.Services.AddHostedService<GrantPruner>();
    }
}
