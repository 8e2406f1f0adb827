using Microsoft.AspNetCore.Diagnostics;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// Outside Development the pages' cookies are Secure, and antiforgery refuses to make or check a token on a plain-HTTP
/// request by throwing: every page with a form answered 500 when an instance was reached past its TLS proxy, or when the
/// proxy's <c>X-Forwarded-Proto</c> was not trusted (<c>ForwardedHeaders</c>). Such a request now gets the readable error
/// page with 403 before anything renders a form, and the operator a warning that says what to configure.
/// </summary>
public sealed partial class HttpsPagesOnly(RequestDelegate next, ILogger<HttpsPagesOnly> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || !context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        LogPlainHttp(context.Request.Path.Value ?? "");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a plain-HTTP request for {Path}: the pages need HTTPS outside Development. Behind a TLS proxy, trust its X-Forwarded-Proto (ForwardedHeaders:KnownProxies or KnownNetworks)")]
    private partial void LogPlainHttp(string path);
}
