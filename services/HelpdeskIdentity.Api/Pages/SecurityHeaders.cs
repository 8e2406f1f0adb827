namespace HelpdeskIdentity.Api.Pages;

/// <summary>Headers that keep pages from being framed, sniffed, leaking their URL, or running foreign code.</summary>
/// <remarks>No <c>form-action</c>: browsers apply it to the redirects after a form post, which would block the
/// OIDC redirect back to a client after sign-in (docs/decisions/0007).</remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>HSTS for a year when the public origin (<c>Oidc:Issuer</c>) is https — whatever scheme reached this
    /// instance behind a TLS-terminating proxy; browsers ignore it over plain HTTP (review finding 7).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var https = Uri.TryCreate(app.Configuration["Oidc:Issuer"], UriKind.Absolute, out var issuer) && issuer.Scheme == Uri.UriSchemeHttps;
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            if (https)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return next(context);
        });
    }
}
