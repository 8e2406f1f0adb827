using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>
/// <c>refresh_token</c> with rotation: every use spends the token and stores its successor in the
/// same family in one step; presenting a spent token again revokes the family. A narrower
/// <c>scope</c> narrows the new access and ID tokens; the refresh token keeps the original grant
/// (RFC 6749 §6).
/// </summary>
public sealed class RefreshTokenGrant(RefreshTokens refreshTokens, UserTokenIssuer issuer) : IGrantHandler
{
    public string GrantType => GrantTypes.RefreshToken;

    public async Task<IResult> HandleAsync(OidcClient client, IFormCollection form, CancellationToken cancellationToken)
    {
        var handle = form["refresh_token"].ToString();
        if (handle.Length == 0)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("refresh_token is required."));
        }

        if (handle.Length > Secrets.MaxHandleLength)
        {
            return JsonResult.Error(ProtocolError.InvalidGrant($"The refresh_token is {handle.Length:N0} characters long; this provider never issues one longer than {Secrets.MaxHandleLength}."));
        }

        // The scope is checked inside the spend, so a refused scope leaves the token unspent and
        // the client's corrected retry is not mistaken for reuse.
        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var successor = Secrets.NewHandle();
        var use = await refreshTokens.RotateAsync(handle, successor, client.ClientId, requested, cancellationToken);
        if (use is not { Result: RefreshTokenUseResult.Accepted, Token: { } token })
        {
            return JsonResult.Error(use switch
            {
                { Result: RefreshTokenUseResult.ScopeNotGranted, GrantedScopes: { } granted } =>
                    ProtocolError.InvalidScope($"The scope '{requested.First(s => !granted.Contains(s))}' was not granted originally."),
                { Result: RefreshTokenUseResult.ReuseDetected } => ProtocolError.InvalidGrant("The refresh token was already used; its family is revoked."),
                _ => ProtocolError.InvalidGrant("The refresh token is invalid or expired."),
            });
        }

        var scopes = requested.Count > 0 ? requested : token.Scopes;
        var grant = new UserGrant(client.ClientId, token.SubjectId, token.SessionId, token.AuthenticatedAt, scopes, Nonce: null);
        var issued = await issuer.IssueAsync(grant, successor, cancellationToken);
        return issued?.Response ?? JsonResult.Error(ProtocolError.InvalidGrant("The user can no longer sign in."));
    }
}
