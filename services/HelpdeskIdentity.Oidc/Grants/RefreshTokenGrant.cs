using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>
/// <c>refresh_token</c> with rotation: every use spends the token and issues its successor in the
/// same family; presenting a spent token again revokes the family. Scopes may only narrow.
/// </summary>
public sealed class RefreshTokenGrant(IGrantStore grants, UserTokenIssuer issuer, TimeProvider clock) : IGrantHandler
{
    public string GrantType => GrantTypes.RefreshToken;

    public async Task<IResult> HandleAsync(OidcClient client, IFormCollection form, CancellationToken cancellationToken)
    {
        var handle = form["refresh_token"].ToString();
        if (handle.Length == 0 || handle.Length > 200)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("refresh_token is required."));
        }

        var use = await grants.UseRefreshTokenAsync(Secrets.Hash(handle), clock.GetUtcNow(), cancellationToken);
        if (use.Result != RefreshTokenUseResult.Accepted || use.Token is not { } token || token.ClientId != client.ClientId)
        {
            var why = use.Result == RefreshTokenUseResult.ReuseDetected ? "The refresh token was already used; its family is revoked." : "The refresh token is invalid or expired.";
            return JsonResult.Error(ProtocolError.InvalidGrant(why));
        }

        var scopes = token.Scopes;
        if (form["scope"].ToString() is { Length: > 0 } requested)
        {
            scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            if (scopes.FirstOrDefault(s => !token.Scopes.Contains(s)) is { } extra)
            {
                return JsonResult.Error(ProtocolError.InvalidScope($"The scope '{extra}' was not granted originally."));
            }
        }

        // Keep offline_access so the family can continue, even when the client narrows the other scopes.
        var grantScopes = scopes.Contains(StandardScopes.OfflineAccess) ? scopes : [.. scopes, StandardScopes.OfflineAccess];
        var grant = new UserGrant(client.ClientId, token.SubjectId, token.SessionId, token.AuthenticatedAt, grantScopes, Nonce: null);
        var issued = await issuer.IssueAsync(grant, mayRefresh: true, (token.FamilyId, token.FamilyExpiresAt), cancellationToken);
        return issued?.Response ?? JsonResult.Error(ProtocolError.InvalidGrant("The user can no longer sign in."));
    }
}
