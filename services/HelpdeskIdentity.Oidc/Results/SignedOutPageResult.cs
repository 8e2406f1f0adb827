using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Results;

/// <summary>The page shown after a logout that names no place to return to.</summary>
public sealed class SignedOutPageResult : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        await response.WriteAsync("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Signed out</title></head>
            <body><main><h1>You are signed out</h1><p>You can close this window.</p></main></body></html>
            """);
    }
}
