using System.Security.Cryptography;
using System.Text;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Tokens;

/// <summary>ID tokens (OIDC Core §2): <c>sub</c>, <c>aud</c> = the client, <c>auth_time</c>, <c>nonce</c>, <c>at_hash</c>, <c>sid</c>, and the profile claims.</summary>
public sealed class IdTokenFactory(SigningKeys keys, IOptions<OidcOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> CreateAsync(UserGrant grant, string accessToken, IReadOnlyDictionary<string, object> profile, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>(profile)
        {
            [JwtRegisteredClaimNames.Sub] = grant.SubjectId,
            [JwtRegisteredClaimNames.AuthTime] = grant.AuthenticatedAt.ToUnixTimeSeconds(),
            [JwtRegisteredClaimNames.Sid] = grant.SessionId,
            ["at_hash"] = AtHash(accessToken),
        };
        if (grant.Nonce is not null)
        {
            claims[JwtRegisteredClaimNames.Nonce] = grant.Nonce;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = grant.ClientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + options.Value.IdTokenLifetime).UtcDateTime,
            SigningCredentials = (await keys.GetAsync(cancellationToken)).Signing,
            Claims = claims,
        });
    }

    /// <summary>OIDC Core §3.1.3.6: base64url of the left half of SHA-256 of the access token's ASCII.</summary>
    public static string AtHash(string accessToken) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)).AsSpan(0, 16).ToArray());
}
