using System.Security.Cryptography;
using System.Text;
using HelpdeskIdentity.Api.Oidc.Storage;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace HelpdeskIdentity.Api.Oidc.Clients;

/// <summary>
/// Client secrets as SHA-256 of high-entropy secrets (docs/decisions/0009), not OpenIddict's default PBKDF2: a
/// 256-bit random secret cannot be guessed, and a single hash keeps client authentication cheap at thousands of
/// token requests a second. The stored value is the configured hash (or several, space-separated, so a secret can
/// be rotated); every one is compared in constant time.
/// </summary>
internal sealed class Sha256ApplicationManager(
    IOpenIddictApplicationCache<OidcApplication> cache,
    ILogger<OpenIddictApplicationManager<OidcApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OidcApplication> store)
    : OpenIddictApplicationManager<OidcApplication>(cache, logger, options, store)
{
    /// <summary>The seeder hands over hashes already; nothing more to do.</summary>
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) => ValueTask.FromResult(secret);

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Matches(secret, comparand.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Whether <paramref name="presented"/> hashes to one of <paramref name="hashes"/> (lower-case hex SHA-256), in constant time.</summary>
    public static bool Matches(string presented, IEnumerable<string> hashes)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var hash in hashes)
        {
            if (hash.Length == 64 && Convert.FromHexString(hash) is { } stored)
            {
                match |= CryptographicOperations.FixedTimeEquals(presentedHash, stored);
            }
        }

        return match;
    }
}
