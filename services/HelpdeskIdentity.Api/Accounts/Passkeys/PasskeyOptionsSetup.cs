using System.Net;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// Fills the relying party from the public origin (<c>Oidc:Issuer</c>) where it is not configured — or, when neither is
/// configured and the issuer cannot be one (an IP address, plain http off localhost), turns passkeys off — and refuses, at
/// start-up, a relying-party id that is not a registrable suffix of each origin's host, an origin that is not https
/// (plain http only on localhost), or an IP address (WebAuthn needs a domain).
/// </summary>
internal sealed class PasskeyOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<PasskeyOptions>, IValidateOptions<PasskeyOptions>
{
    public void PostConfigure(string? name, PasskeyOptions options)
    {
        if (!Uri.TryCreate(configuration["Oidc:Issuer"], UriKind.Absolute, out var issuer))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.RelyingPartyId) && options.Origins.Count == 0
            && OriginProblem(issuer.GetLeftPart(UriPartial.Authority), issuer.IdnHost.ToLowerInvariant()) is not null)
        {
            // Nothing configured and the issuer cannot be a relying party (an IP address, plain http off localhost): off.
            options.Enabled = false;
            return;
        }

        if (string.IsNullOrWhiteSpace(options.RelyingPartyId))
        {
            options.RelyingPartyId = issuer.IdnHost;
        }

        if (options.Origins.Count == 0)
        {
            options.Origins.Add(issuer.GetLeftPart(UriPartial.Authority));
        }
    }

    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.CeremonyLifetime < TimeSpan.FromSeconds(30) || options.CeremonyLifetime > TimeSpan.FromMinutes(10))
        {
            failures.Add("Passkeys:CeremonyLifetime must be between 30 seconds and 10 minutes.");
        }

        var rpId = options.RelyingPartyId?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(rpId) || IPAddress.TryParse(rpId.Trim('[', ']'), out _) || Uri.CheckHostName(rpId) != UriHostNameType.Dns)
        {
            failures.Add($"Passkeys:RelyingPartyId '{options.RelyingPartyId}' must be a domain name (or set Oidc:Issuer to an address with one).");
            return ValidateOptionsResult.Fail(failures);
        }

        if (!rpId.Contains('.', StringComparison.Ordinal) && rpId != "localhost")
        {
            failures.Add($"Passkeys:RelyingPartyId '{rpId}' is a top-level domain: name the service's own domain.");
        }

        if (options.Origins.Count == 0)
        {
            failures.Add("Passkeys:Origins must name at least one origin (or set Oidc:Issuer).");
        }

        foreach (var origin in options.Origins)
        {
            if (OriginProblem(origin, rpId) is { } problem)
            {
                failures.Add($"Passkeys:Origins '{origin}' {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why <paramref name="origin"/> cannot use passkeys of <paramref name="rpId"/>, or null when it can.</summary>
    internal static string? OriginProblem(string origin, string rpId)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment)
            || origin.TrimEnd('/').Length != uri.GetLeftPart(UriPartial.Authority).Length)
        {
            return "is not an origin (scheme, host and port only).";
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLocalhost(host)))
        {
            return "must be https (plain http only on localhost).";
        }

        if (uri.HostNameType != UriHostNameType.Dns)
        {
            return "must name a host by its domain name, not an IP address.";
        }

        return host == rpId || host.EndsWith("." + rpId, StringComparison.Ordinal)
            ? null
            : $"is not on the relying-party id '{rpId}': it must be that host or a subdomain of it.";
    }

    private static bool IsLocalhost(string host) => host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal);
}
