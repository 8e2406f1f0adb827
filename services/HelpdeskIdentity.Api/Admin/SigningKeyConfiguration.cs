using HelpdeskIdentity.Oidc.Keys;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// Feeds JwtBearer the issuer and the keys this service publishes in its JWKS, straight from the signing-key store
/// (no HTTP round trip to our own discovery document). Follows rotation: a new key set gives a new configuration.
/// </summary>
internal sealed class SigningKeyConfiguration(SigningKeys keys, string issuer) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private volatile Cached? _current;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var set = await keys.GetAsync(cancel);
        if (_current is { } current && ReferenceEquals(current.Keys, set))
        {
            return current.Configuration;
        }

        var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
        foreach (var key in set.ValidationKeys)
        {
            configuration.SigningKeys.Add(key);
        }

        _current = new Cached(set, configuration);
        return configuration;
    }

    private sealed record Cached(SigningKeySet Keys, OpenIdConnectConfiguration Configuration);

    /// <summary>Nothing to do: <see cref="SigningKeys"/> already reloads when the store changes.</summary>
    public void RequestRefresh()
    {
    }
}
