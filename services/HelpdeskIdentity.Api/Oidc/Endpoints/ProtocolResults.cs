using System.Net;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>The answers our passthrough endpoints give besides a sign-in: OpenIddict's protocol errors, and the two pages a browser may land on.</summary>
internal static class ProtocolResults
{
    /// <summary>An RFC 6749 error OpenIddict returns the protocol's way (to the redirect URI, or as JSON at the token endpoint).</summary>
    public static IResult Refuse(string error, string description) =>
        Results.Forbid(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>RFC 6750 §3: 401 with a <c>WWW-Authenticate: Bearer</c> challenge naming the error.</summary>
    public static IResult Challenge(string error, string description) =>
        Results.Challenge(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>An authorization error back to the client's registered redirect URI, with <c>state</c> and <c>iss</c> (RFC 9207).</summary>
    public static IResult ErrorRedirect(string redirectUri, string? state, string error, string? description, string issuer) =>
        Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?>
        {
            ["error"] = error,
            ["error_description"] = description,
            ["state"] = state,
            ["iss"] = issuer,
        }.Where(p => p.Value is not null)));

    /// <summary>A plain page for errors that must not be redirected (an unknown client, an unregistered redirect URI, a bad logout request).</summary>
    public static IResult ErrorPage(string error, string? description) => Page(StatusCodes.Status400BadRequest, "Sign-in request refused", $"""
        <h1>This sign-in request cannot be handled</h1>
        <p>{WebUtility.HtmlEncode(description)}</p>
        <p>Error code: <code>{WebUtility.HtmlEncode(error)}</code>. Go back to the application and try again.</p>
        """);

    /// <summary>The page after a logout that names no place to return to.</summary>
    public static IResult SignedOutPage() => Page(StatusCodes.Status200OK, "Signed out", "<h1>You are signed out</h1><p>You can close this window.</p>");

    private static IResult Page(int status, string title, string body)
    {
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title></head>
            <body><main>{body}</main></body></html>
            """;
        return new NoStorePage(Results.Content(html, "text/html; charset=utf-8", statusCode: status));
    }

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });

    private sealed class NoStorePage(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
