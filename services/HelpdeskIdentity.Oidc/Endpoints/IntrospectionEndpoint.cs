using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary><c>/connect/introspect</c> (RFC 7662), for confidential clients: is this token, issued to me or meant for me, active, and what does it grant?</summary>
public sealed class IntrospectionEndpoint(ClientAuthenticator authenticator, AccessTokenValidator validator)
{
    private static readonly JsonResult Inactive = JsonResult.From(new { active = false });

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = await ProtocolRequest.AuthenticateAsync(context, authenticator);
        if (request is not { Form: { } form, Client: { } client })
        {
            return request.Refusal!;
        }

        if (client.Type != ClientType.Confidential)
        {
            return JsonResult.Error(ProtocolError.InvalidClient("Only confidential clients may introspect tokens."));
        }

        var token = form["token"].ToString();
        if (token.Length == 0)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("token is required."));
        }

        // RFC 7662 §4: only the client the token was issued to, or an API it is for (a client whose id
        // is one of its audiences), learns anything; to anyone else it is simply inactive.
        return await validator.ValidateAsync(token, cancellationToken) is { } jwt
            && (jwt.GetClaim("client_id").Value == client.ClientId || jwt.Audiences.Contains(client.ClientId, StringComparer.Ordinal))
            ? JsonResult.From(Describe(jwt))
            : Inactive;
    }

    private static Dictionary<string, object> Describe(JsonWebToken jwt)
    {
        var audiences = jwt.Audiences.ToList();
        return new Dictionary<string, object>
        {
            ["active"] = true,
            ["token_type"] = "access_token",
            ["scope"] = jwt.GetClaim("scope").Value,
            ["client_id"] = jwt.GetClaim("client_id").Value,
            ["sub"] = jwt.Subject,
            ["iss"] = jwt.Issuer,
            ["aud"] = audiences.Count == 1 ? audiences[0] : audiences,
            ["exp"] = EpochTime.GetIntDate(jwt.ValidTo),
            ["iat"] = EpochTime.GetIntDate(jwt.IssuedAt),
            ["jti"] = jwt.Id,
        };
    }
}
