using System.Net;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Results;

/// <summary>
/// A plain page telling the person what went wrong, for errors that must not be redirected (an
/// unknown client, an unregistered redirect URI, a bad logout request).
/// </summary>
public sealed class ErrorPageResult(ProtocolError error) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        await response.WriteAsync($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign-in request refused</title></head>
            <body><main><h1>This sign-in request cannot be handled</h1>
            <p>{WebUtility.HtmlEncode(error.Description)}</p>
            <p>Error code: <code>{WebUtility.HtmlEncode(error.Error)}</code>. Go back to the application and try again.</p>
            </main></body></html>
            """);
    }
}
