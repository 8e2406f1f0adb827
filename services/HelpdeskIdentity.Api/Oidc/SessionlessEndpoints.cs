using System.Text.Encodings.Web;
using HelpdeskIdentity.Api.Oidc.Endpoints;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// The protocol's back-channel and metadata endpoints — token, PAR, introspection, revocation, userinfo (bearer tokens),
/// discovery and JWKS — never act on the browser's session: the token endpoint rebuilds the person from the code or
/// refresh token, never from a cookie. There, default authentication finds nobody, so a session cookie a same-origin
/// client sends along is neither decrypted nor checked against its row (a database round trip) on every request.
/// Every other path authenticates with the session cookie as before.
/// </summary>
internal static class SessionlessEndpoints
{
    public const string Scheme = "SessionUnlessBackChannel";
    private const string Nobody = "Nobody";
    private static readonly HashSet<string> Paths = new(
        [OidcPaths.Token, OidcPaths.PushedAuthorization, OidcPaths.Introspection, OidcPaths.Revocation, OidcPaths.UserInfo, OidcPaths.Discovery, OidcPaths.Jwks],
        StringComparer.OrdinalIgnoreCase);

    public static void AddSessionlessEndpoints(this IServiceCollection services) =>
        services.AddAuthentication(options => options.DefaultAuthenticateScheme = Scheme)
            .AddPolicyScheme(Scheme, displayName: null, policy => policy.ForwardDefaultSelector = context =>
                Paths.Contains(context.Request.Path.Value ?? "") ? Nobody : SessionCookie.Scheme)
            .AddScheme<AuthenticationSchemeOptions, NobodyHandler>(Nobody, displayName: null, _ => { });

    private sealed class NobodyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
