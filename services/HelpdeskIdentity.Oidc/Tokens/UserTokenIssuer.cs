using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Tokens;

/// <summary>
/// The token response for a user grant: an access token, an ID token when <c>openid</c> was granted,
/// and the refresh token the grant already stored, if any. Null when the user may no longer sign in.
/// </summary>
public sealed class UserTokenIssuer(AccessTokenFactory accessTokens, IdTokenFactory idTokens, IProfileService profiles, IOptions<OidcOptions> options)
{
    public async Task<(JsonResult Response, IssuedAccessToken AccessToken)?> IssueAsync(UserGrant grant, string? refreshToken, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetClaimsAsync(grant.SubjectId, grant.Scopes, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var accessToken = await accessTokens.CreateAsync(grant.SubjectId, grant.ClientId, grant.Scopes, cancellationToken, grant.AuthenticatedAt);
        var response = new Dictionary<string, object>
        {
            ["access_token"] = accessToken.Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.Value.AccessTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(' ', grant.Scopes),
        };
        if (grant.Scopes.Contains(StandardScopes.OpenId))
        {
            response["id_token"] = await idTokens.CreateAsync(grant, accessToken.Token,
                grant.Methods is { Count: > 0 } methods ? profile.Concat(profiles.AuthenticationClaims(methods)).ToDictionary() : profile, cancellationToken);
        }

        if (refreshToken is not null)
        {
            response["refresh_token"] = refreshToken;
        }

        return (JsonResult.From(response), accessToken);
    }
}
