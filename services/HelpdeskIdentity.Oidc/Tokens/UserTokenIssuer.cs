using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Tokens;

/// <summary>
/// The token response for a user grant: an access token, an ID token when <c>openid</c> was granted,
/// and a refresh token when <c>offline_access</c> was and the client may refresh.
/// </summary>
public sealed class UserTokenIssuer(AccessTokenFactory accessTokens, IdTokenFactory idTokens, IProfileService profiles, IGrantStore grants, IOptions<OidcOptions> options, TimeProvider clock)
{
    private readonly OidcOptions _options = options.Value;

    /// <param name="family">The refresh token family to continue (a refresh), or null to start one.</param>
    public async Task<(JsonResult Response, IssuedAccessToken AccessToken, Guid? RefreshFamily)?> IssueAsync(
        UserGrant grant, bool mayRefresh, (Guid Id, DateTimeOffset ExpiresAt)? family, CancellationToken cancellationToken)
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
            ["expires_in"] = (int)_options.AccessTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(' ', grant.Scopes),
        };
        if (grant.Scopes.Contains(StandardScopes.OpenId))
        {
            response["id_token"] = await idTokens.CreateAsync(grant, accessToken.Token, profile, cancellationToken);
        }

        Guid? familyId = null;
        if (mayRefresh && grant.Scopes.Contains(StandardScopes.OfflineAccess))
        {
            var now = clock.GetUtcNow();
            var (id, familyExpires) = family ?? (Guid.CreateVersion7(now), now + _options.RefreshTokenAbsoluteLifetime);
            var handle = Secrets.NewHandle();
            var expires = new[] { now + _options.RefreshTokenSlidingLifetime, familyExpires }.Min();
            await grants.StoreRefreshTokenAsync(new RefreshToken(
                Secrets.Hash(handle), id, grant.ClientId, grant.SubjectId, grant.SessionId, grant.AuthenticatedAt, grant.Scopes, expires, familyExpires), cancellationToken);
            response["refresh_token"] = handle;
            familyId = id;
        }

        return (JsonResult.From(response), accessToken, familyId);
    }
}
