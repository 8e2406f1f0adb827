using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// CORS on the browser-facing endpoints only, and only for origins some client registered:
/// preflights are answered here; other origins get no CORS headers, so browsers refuse the response.
/// </summary>
internal sealed class OidcCors(RequestDelegate next, IOptions<OidcOptions> options)
{
    private readonly HashSet<string> _origins = RegisteredOrigins(options.Value);

    /// <summary>Every origin a client registered (<c>AllowedCorsOrigins</c>), without a trailing slash, case-insensitive.</summary>
    public static HashSet<string> RegisteredOrigins(OidcOptions options) =>
        options.Clients.SelectMany(c => c.AllowedCorsOrigins).Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!OidcPaths.BrowserFacing.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        // Every answer here depends on Origin, including one sent without it: a shared cache must
        // not hand a CORS-less copy of discovery or JWKS to a browser that sends an Origin.
        context.Response.Headers.Vary = "Origin";
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            await next(context);
            return;
        }

        var allowed = _origins.Contains(origin);
        if (allowed)
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
        }

        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = allowed ? StatusCodes.Status204NoContent : StatusCodes.Status403Forbidden;
            if (allowed)
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type";
                context.Response.Headers.AccessControlMaxAge = "600";
            }

            return;
        }

        await next(context);
    }
}
