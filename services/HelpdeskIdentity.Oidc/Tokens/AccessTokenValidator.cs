using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using HelpdeskIdentity.Oidc.Revocation;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Tokens;

/// <summary>Checks one of our access tokens: signature by a published key, issuer, <c>typ</c>, lifetime on our clock, not revoked.</summary>
public sealed class AccessTokenValidator(SigningKeys keys, IRevokedTokenStore revoked, IOptions<OidcOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The token when it is valid and active now, else null.</summary>
    public async Task<JsonWebToken?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192)
        {
            return null;
        }

        var signing = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidateAudience = false,
            IssuerSigningKeys = signing.ValidationKeys,
            ValidTypes = [AccessTokenFactory.TokenType],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= now && now < expires,
        });
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && !await revoked.IsRevokedAsync(jwt.Id, cancellationToken)
            ? jwt
            : null;
    }
}
