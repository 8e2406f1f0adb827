using System.Security.Cryptography;
using System.Text.Json;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Keys;

/// <summary>
/// The signing keys every instance shares: created and rotated by <see cref="KeyRotationPlan"/>,
/// stored through <see cref="ISigningKeyStore"/> with the private key protected by ASP.NET Core
/// Data Protection, and cached until the next change (at most <see cref="SigningKeyOptions.RefreshInterval"/>, to
/// notice keys other instances or an operator's <c>keys rotate</c> added).
/// </summary>
public sealed class SigningKeys(ISigningKeyStore store, IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<OidcOptions> options)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("HelpdeskIdentity.Oidc.SigningKeys.v1");
    private readonly KeyRotationPlan _plan = new(options.Value.SigningKeys, options.Value.LongestTokenLifetime);
    private readonly TimeSpan _refreshInterval = options.Value.SigningKeys.RefreshInterval;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile SigningKeySet? _current;

    public async ValueTask<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() < current.ValidUntil)
        {
            return current;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            var now = clock.GetUtcNow();
            if (current is null || now >= current.ValidUntil)
            {
                _current = current = await LoadAsync(now, cancellationToken);
            }

            return current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// An operator's rotation (<see cref="KeyRotationPlan.Rotation"/>), decided under the store's lock so concurrent
    /// commands add one key; returns the key added, or null when a routine rotation found a successor already announced.
    /// Other instances pick the key up within the refresh interval.
    /// </summary>
    public async Task<StoredSigningKey?> RotateAsync(bool immediately, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        StoredSigningKey? added = null;
        await store.AddIfNeededAsync(keys => added = _plan.Rotation(keys, now, immediately) is { } next ? Create(now, next.ActivatesAt, next.RetiresAt) : null, cancellationToken);
        _current = null;
        return added;
    }

    /// <summary>Every stored key with where it stands now, oldest first.</summary>
    public async Task<IReadOnlyList<(StoredSigningKey Key, SigningKeyState State, DateTimeOffset PublishedUntil)>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return stored.OrderBy(k => k.ActivatesAt).Select(k => (k, _plan.State(stored, k, now), _plan.PublishedUntil(stored, k))).ToList();
    }

    private async Task<SigningKeySet> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        if (_plan.Missing(stored, now) is not null)
        {
            stored = await store.AddIfNeededAsync(keys => _plan.Missing(keys, now) is { } missing ? Create(now, missing.ActivatesAt, missing.RetiresAt) : null, cancellationToken);
        }

        var active = KeyRotationPlan.Active(stored, now) ?? throw new InvalidOperationException("No signing key is active.");
        var published = _plan.Published(stored, now);
        var validUntil = new[] { _plan.NextChange(stored, now), now + _refreshInterval }.Min();
        return new SigningKeySet(
            new SigningCredentials(PrivateKey(active), active.Algorithm),
            published.Select(k => (SecurityKey)PublicKey(k)).ToList(),
            stored.Select(k => (SecurityKey)PublicKey(k)).ToList(),
            validUntil);
    }

    private StoredSigningKey Create(DateTimeOffset now, DateTimeOffset activatesAt, DateTimeOffset retiresAt)
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
        };
        // RFC 7638 thumbprint as the key id: the same key always has the same kid.
        var thumbprint = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(jwk.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary()));
        var kid = Base64UrlEncoder.Encode(thumbprint);
        jwk["kid"] = kid;
        jwk["use"] = "sig";
        jwk["alg"] = SecurityAlgorithms.RsaSha256;
        var protectedKey = Convert.ToBase64String(_protector.Protect(rsa.ExportPkcs8PrivateKey()));
        return new StoredSigningKey(kid, SecurityAlgorithms.RsaSha256, protectedKey, JsonSerializer.Serialize(jwk), now, activatesAt, retiresAt);
    }

    private RsaSecurityKey PrivateKey(StoredSigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    private static JsonWebKey PublicKey(StoredSigningKey key) => new(key.PublicJwk);
}
