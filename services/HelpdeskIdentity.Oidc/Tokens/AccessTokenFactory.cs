using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Tokens;

/// <summary>Issues JWT access tokens per RFC 9068: <c>typ: at+jwt</c>, <c>aud</c>, <c>scope</c>, <c>client_id</c>, <c>jti</c>.</summary>
public sealed class AccessTokenFactory(SigningKeys keys, IOptions<OidcOptions> options, TimeProvider clock)
{
    public const string TokenType = "at+jwt";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly OidcOptions _options = options.Value;

    public async Task<IssuedAccessToken> CreateAsync(string subject, string clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken,
        DateTimeOffset? authenticatedAt = null)
    {
        var now = clock.GetUtcNow();
        var expires = now + _options.AccessTokenLifetime;
        var signing = await keys.GetAsync(cancellationToken);
        var audiences = Audiences(scopes);
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = TokenType,
            Issuer = _options.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = signing.Signing,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [JwtRegisteredClaimNames.Aud] = audiences.Count == 1 ? audiences[0] : audiences,
                ["client_id"] = clientId,
                ["scope"] = string.Join(' ', scopes),
                [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(Guid.NewGuid().ToByteArray()),
            },
        };
        if (authenticatedAt is { } authTime)
        {
            descriptor.Claims[JwtRegisteredClaimNames.AuthTime] = authTime.ToUnixTimeSeconds();
        }

        var jti = (string)descriptor.Claims[JwtRegisteredClaimNames.Jti];
        return new IssuedAccessToken(Handler.CreateToken(descriptor), jti, expires);
    }

    /// <summary>
    /// The APIs the scopes are for, and the provider itself (its userinfo endpoint) when <c>openid</c> was
    /// granted or nothing else was: userinfo accepts only tokens that name it.
    /// </summary>
    private List<string> Audiences(IReadOnlyCollection<string> scopes)
    {
        var audiences = _options.ApiScopes.Where(s => scopes.Contains(s.Name)).Select(s => s.Audience).Distinct(StringComparer.Ordinal).ToList();
        if (audiences.Count == 0 || scopes.Contains(StandardScopes.OpenId))
        {
            audiences.Add(_options.Issuer);
        }

        return audiences;
    }
}
