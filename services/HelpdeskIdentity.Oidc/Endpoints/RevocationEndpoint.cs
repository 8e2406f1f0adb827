using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Revocation;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>
/// <c>/connect/revoke</c> (RFC 7009): a client revokes its own token. The answer is 200 whether or
/// not the token was valid, so the endpoint tells nothing about tokens it did not issue to the caller.
/// </summary>
public sealed class RevocationEndpoint(Clients.ClientAuthenticator authenticator, AccessTokenValidator validator, IRevokedTokenStore revoked, IGrantStore grants)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = await ProtocolRequest.AuthenticateAsync(context, authenticator);
        if (request is not { Form: { } form, Client: { } client })
        {
            return request.Refusal!;
        }

        var token = form["token"].ToString();
        if (token.Length == 0)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("token is required."));
        }

        if (await validator.ValidateAsync(token, cancellationToken) is { } jwt)
        {
            if (jwt.GetClaim("client_id").Value == client.ClientId)
            {
                await revoked.RevokeAsync(jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), cancellationToken);
            }
        }
        else
        {
            // Not one of our access tokens: perhaps a refresh token; revoking it ends its whole family.
            await grants.RevokeRefreshTokenAsync(Secrets.Hash(token), client.ClientId, cancellationToken);
        }

        return TypedResults.Ok();
    }
}
