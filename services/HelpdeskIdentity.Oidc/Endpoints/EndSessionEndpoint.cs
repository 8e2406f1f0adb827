using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Keys;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>
/// <c>/connect/endsession</c> (OIDC RP-Initiated Logout): needs an ID token we signed as
/// <c>id_token_hint</c> (its expiry and its key's retirement do not matter), ends the session and the
/// refresh tokens of the hint's <c>sid</c>, and returns to the
/// client's exactly registered <c>post_logout_redirect_uri</c> with <c>state</c>, or shows a
/// signed-out page. A tampered hint or an unregistered URI gets an error page, never a redirect.
/// </summary>
public sealed class EndSessionEndpoint(SigningKeys keys, IClientStore clients, IUserSession sessions, IGrantStore grants, IOptions<OidcOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var parameters = HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString())
            : context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        var hint = parameters.GetValueOrDefault("id_token_hint") ?? "";
        var signing = await keys.GetAsync(context.RequestAborted);
        // Any key we ever signed with, retired or not: an ID token outlives its key's stay in JWKS, and
        // logout must not break after a rotation. Only an ID token (typ JWT), never an access token (at+jwt).
        var validation = await Handler.ValidateTokenAsync(hint, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKeys = signing.EveryKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = ["JWT"],
        });
        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken idToken || idToken.Audiences.Count() != 1)
        {
            return new ErrorPageResult(ProtocolError.InvalidRequest("The logout request needs a valid id_token_hint issued by this provider."));
        }

        var client = await clients.FindAsync(idToken.Audiences.Single(), context.RequestAborted);
        var postLogout = parameters.GetValueOrDefault("post_logout_redirect_uri");
        if (client is null || (postLogout is { Length: > 0 } && !client.PostLogoutRedirectUris.Contains(postLogout, StringComparer.Ordinal)))
        {
            return new ErrorPageResult(ProtocolError.InvalidRequest("The post_logout_redirect_uri is not registered for this client."));
        }

        // The hint names the session (sid): its refresh tokens end even when this browser has no cookie.
        if (idToken.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sid, out var sid) && !string.IsNullOrEmpty(sid))
        {
            await grants.RevokeSessionAsync(idToken.Subject, sid, context.RequestAborted);
        }

        var session = await sessions.GetCurrentAsync(context);
        if (session is not null && session.SubjectId == idToken.Subject)
        {
            await grants.RevokeSessionAsync(session.SubjectId, session.SessionId, context.RequestAborted);
            await sessions.SignOutAsync(context);
        }

        return postLogout is { Length: > 0 }
            ? new ProtocolRedirectResult(postLogout, [new("state", parameters.GetValueOrDefault("state"))])
            : new SignedOutPageResult();
    }
}
