using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HelpdeskIdentity.Oidc.Results;

/// <summary>A 302 to a validated URI with query parameters, leaking nothing through Referer and never cached.</summary>
public sealed class ProtocolRedirectResult(string uri, IEnumerable<KeyValuePair<string, string?>> parameters) : IResult
{
    public string Location { get; } = QueryHelpers.AddQueryString(uri, parameters);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = Location;
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return Task.CompletedTask;
    }
}
