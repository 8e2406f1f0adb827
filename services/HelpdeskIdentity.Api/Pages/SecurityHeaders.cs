namespace HelpdeskIdentity.Api.Pages;

/// <summary>Headers that keep pages from being framed, sniffed, leaking their URL, or running foreign code.</summary>
/// <remarks>No <c>form-action</c>: browsers apply it to the redirects after a form post, which would block the
/// OIDC redirect back to a client after sign-in (docs/decisions/0007).</remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return next(context);
    });
}
