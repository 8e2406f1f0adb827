using HelpdeskIdentity.Oidc.Authorization;
using HelpdeskIdentity.Oidc.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpdeskIdentity.Oidc;

public static class OidcEndpointRouteBuilderExtensions
{
    /// <summary>CORS for the browser-facing endpoints, then the protocol endpoints themselves.</summary>
    public static void MapOidc(this WebApplication app)
    {
        app.UseMiddleware<OidcCors>();
        app.MapGet(OidcPaths.Discovery, (DiscoveryEndpoint endpoint) => endpoint.Handle());
        app.MapGet(OidcPaths.Jwks, (JwksEndpoint endpoint, CancellationToken cancellationToken) => endpoint.HandleAsync(cancellationToken));
        app.MapPost(OidcPaths.Token, (TokenEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
        app.MapPost(OidcPaths.Introspection, (IntrospectionEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
        app.MapPost(OidcPaths.Revocation, (RevocationEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
        app.MapMethods(OidcPaths.Authorize, ["GET", "POST"], (AuthorizeEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context)).DisableAntiforgery();
        app.MapMethods(OidcPaths.UserInfo, ["GET", "POST"], (UserInfoEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
        app.MapMethods(OidcPaths.EndSession, ["GET", "POST"], (EndSessionEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context)).DisableAntiforgery();
    }
}
