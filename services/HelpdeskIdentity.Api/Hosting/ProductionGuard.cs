using HelpdeskIdentity.Api.Production;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// Settings that are only safe on a developer's machine, refused at start-up elsewhere, each by name
/// (docs/decisions/0025-production-guard.md). A new guard is one more <see cref="ProductionGuardRule"/> in
/// <see cref="Rules"/>; in Production the development defaults of <see cref="DevelopmentDefaultsGuard"/> (decision 0032)
/// are refused too; start-up fails listing every rule the configuration breaks.
/// </summary>
public sealed partial class ProductionGuard(IConfiguration configuration, IHostEnvironment environment, ILogger<ProductionGuard> logger)
    : IValidateOptions<ProductionGuard.Checked>
{
    /// <summary>The environments where development conveniences are allowed: Development, and the test suites' Testing.</summary>
    public static bool IsLocal(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static readonly IReadOnlyList<ProductionGuardRule> Rules =
    [
        new("Email:Mailbox:Enabled",
            "serves every e-mail sent, set-password links included, to anyone at /dev/mailbox; it is allowed in Development only",
            (c, e) => c.GetValue<bool>("Email:Mailbox:Enabled") && !IsLocal(e)),
        new("AllowedHosts",
            "must name the host names the service answers to (e.g. id.example.com;10.0.0.7 for probes by address), not \"*\": "
            + "outside Development a request for any other Host header is refused before anything reads it",
            (c, e) => !IsLocal(e) && (c["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is var hosts
                && (hosts.Length == 0 || hosts.Contains("*"))),
        new("DataProtection:CertificatePath",
            "is required in Production: without it the Data Protection key ring, which protects the signing keys, e-mail bodies "
            + "and cookies beside it in the database, is stored as plain XML. Configure a certificate, or accept that "
            + "explicitly with DataProtection:AllowUnencryptedKeys=true",
            (c, e) => e.IsProduction() && string.IsNullOrEmpty(c["DataProtection:CertificatePath"]) && !c.GetValue<bool>("DataProtection:AllowUnencryptedKeys")),
    ];

    public ValidateOptionsResult Validate(string? name, Checked options)
    {
        var broken = Rules.Where(rule => rule.Offends(configuration, environment)).Select(rule => $"{rule.Setting} {rule.Problem}.").ToList();
        if (environment.IsProduction())
        {
            broken.AddRange(DevelopmentDefaultsGuard.Find(configuration)); // development clients, issuer and broker account (decision 0032)
        }

        if (broken.Count > 0)
        {
            return ValidateOptionsResult.Fail(broken);
        }

        if (environment.IsProduction() && string.IsNullOrEmpty(configuration["DataProtection:CertificatePath"]))
        {
            LogUnencryptedKeys();
        }

        return ValidateOptionsResult.Success;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DataProtection:AllowUnencryptedKeys is true: the Data Protection key ring is stored unencrypted in the database")]
    private partial void LogUnencryptedKeys();

    /// <summary>The options type the guard validates: it has no settings of its own.</summary>
    public sealed class Checked;
}

/// <summary>One guard: the setting it names, why it is refused, and whether the configuration breaks it in this environment.</summary>
public sealed record ProductionGuardRule(string Setting, string Problem, Func<IConfiguration, IHostEnvironment, bool> Offends);

public static class ProductionGuardExtensions
{
    /// <summary>Adds the guard: its rules are checked when the host starts, before any hosted service runs.</summary>
    public static void AddProductionGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProductionGuard.Checked>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProductionGuard.Checked>, ProductionGuard>();
    }
}
