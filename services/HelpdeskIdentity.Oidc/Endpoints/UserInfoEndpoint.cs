using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>
/// <c>/connect/userinfo</c> (OIDC Core §5.3): the claims an access token with <c>openid</c> allows, for its subject;
/// only tokens whose <c>aud</c> names this provider, never one minted for another API.
/// </summary>
public sealed class UserInfoEndpoint(AccessTokenValidator validator, IProfileService profiles, IOptions<OidcOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (token.Length == 0)
        {
            return Challenge(null, "A bearer access token is required.");
        }

        var jwt = await validator.ValidateAsync(token, context.RequestAborted);
        var scopes = jwt?.GetClaim("scope").Value.Split(' ') ?? [];
        if (jwt is null || !scopes.Contains(StandardScopes.OpenId) || jwt.Subject == jwt.GetClaim("client_id").Value
            || !jwt.Audiences.Contains(options.Value.Issuer, StringComparer.Ordinal))
        {
            return Challenge("invalid_token", "The access token is invalid, expired, revoked, or was not issued for openid and this provider.");
        }

        var claims = await profiles.GetClaimsAsync(jwt.Subject, scopes, context.RequestAborted);
        if (claims is null)
        {
            return Challenge("invalid_token", "The user no longer exists or may not sign in.");
        }

        return JsonResult.From(new Dictionary<string, object>(claims) { ["sub"] = jwt.Subject });
    }

    /// <summary>RFC 6750 §3: 401 with a Bearer challenge.</summary>
    private static JsonResult Challenge(string? error, string description)
    {
        var challenge = error is null ? "Bearer realm=\"HelpdeskIdentity\"" : $"Bearer realm=\"HelpdeskIdentity\", error=\"{error}\", error_description=\"{description}\"";
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = error ?? "invalid_request", ["error_description"] = description });
        return new JsonResult(body, StatusCodes.Status401Unauthorized, wwwAuthenticate: challenge);
    }
}
