using System.Security.Cryptography.X509Certificates;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Oidc;

public static class OidcKeyRing
{
    /// <summary>
    /// The provider's settings (<c>Oidc</c>), the Data Protection key ring every instance shares, and the signing keys
    /// stored under its protection: what the service and the operator's <c>keys</c> commands both need (decision 0048).
    /// </summary>
    public static IHostApplicationBuilder AddOidcKeyRing(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(SigningKeys)))
        {
            return builder; // binding Oidc twice would add every client twice
        }

        var protection = builder.Services.AddDataProtection().SetApplicationName("HelpdeskIdentity").PersistKeysToDbContext<HelpdeskDbContext>();
        var certificate = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>();
        if (!string.IsNullOrEmpty(certificate?.CertificatePath))
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate.CertificatePath, certificate.CertificatePassword));
        }

        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The issuer identifier as OpenIddict writes it everywhere (Uri.AbsoluteUri: a root issuer ends in '/'), so the
        // admin API, userinfo's audience check and the tokens all name the same string (OIDC Discovery §4.3).
        builder.Services.PostConfigure<OidcOptions>(o => o.Issuer = Uri.TryCreate(o.Issuer, UriKind.Absolute, out var issuer) ? issuer.AbsoluteUri : o.Issuer);
        builder.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        builder.Services.AddSingleton<ISigningKeyStore, SigningKeyStore>();
        builder.Services.AddSingleton<SigningKeys>();
        return builder;
    }
}
