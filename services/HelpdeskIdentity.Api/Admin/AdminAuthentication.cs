using System.Security.Claims;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// Who may call the admin API (docs/decisions/0033). Authentication: one of our own access tokens (signed by a key
/// we publish, our issuer, <c>typ: at+jwt</c>, live on our clock; self-contained, so an API cannot ask whether it was revoked: it expires within Oidc:AccessTokenLifetime) — else 401. Authorisation: issued
/// to a client for itself (client credentials: <c>sub</c> = <c>client_id</c>), for the admin audience, with the
/// <c>identity.admin</c> scope — else 403, so a portal user's token is refused as forbidden, not as unknown.
/// </summary>
public static class AdminAuthentication
{
    public const string Scheme = "AdminBearer";
    public const string Policy = "AdminApi";
    public const string Scope = "identity.admin";

    public static void AddAdminAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<OidcOptions>, SigningKeys, TimeProvider>((jwt, oidc, keys, clock) =>
        {
            jwt.MapInboundClaims = false;
            jwt.ConfigurationManager = new SigningKeyConfiguration(keys, oidc.Value.Issuer);
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = oidc.Value.Issuer,
                ValidateAudience = false, // the policy checks it, so a token for another audience is 403, not 401
                ValidTypes = ["at+jwt"], // RFC 9068
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                RequireExpirationTime = true,
                LifetimeValidator = (notBefore, expires, _, _) =>
                    clock.GetUtcNow().UtcDateTime is var now && (notBefore is null || notBefore <= now) && expires is { } until && now < until,
                NameClaimType = "client_id",
            };
            jwt.Events = new JwtBearerEvents
            {
                OnChallenge = ChallengeAsync,
                OnForbidden = ForbidAsync,
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AdminTokenRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, AdminTokenHandler>();
    }

    /// <summary>The client the token was issued to: what the audit trail records for every call.</summary>
    public static string? ClientId(ClaimsPrincipal user) => user.FindFirst("client_id")?.Value;

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        // RFC 6750 §3: a bare challenge when no token came, invalid_token when one did.
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null && context.Request.Headers.Authorization.Count == 0
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        await AdminProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
            $"Send an access token of this service for the {Scope} scope: Authorization: Bearer <token>.");
    }

    private static async Task ForbidAsync(ForbiddenContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{Scope}\"";
        await AdminProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            $"The admin API needs a client's own token (client credentials) for the {Scope} scope.");
    }

    private sealed class AdminTokenRequirement : IAuthorizationRequirement;

    private sealed class AdminTokenHandler(IOptions<OidcOptions> oidc) : AuthorizationHandler<AdminTokenRequirement>
    {
        private readonly string? _audience = oidc.Value.ApiScopes.FirstOrDefault(s => s.Name == Scope)?.Audience;

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTokenRequirement requirement)
        {
            var user = context.User;
            var clientId = ClientId(user);
            if (_audience is not null
                && user.FindAll("aud").Any(a => a.Value == _audience)
                && user.FindAll("scope").SelectMany(s => s.Value.Split(' ')).Contains(Scope, StringComparer.Ordinal)
                && clientId is not null && user.FindFirst("sub")?.Value == clientId)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
