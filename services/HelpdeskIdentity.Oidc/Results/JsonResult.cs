using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Results;

/// <summary>
/// A JSON response from a protocol endpoint. Token-bearing answers are never cached
/// (<c>Cache-Control: no-store</c>, RFC 6749 §5.1); metadata may be (<paramref name="cacheSeconds"/>).
/// </summary>
public sealed class JsonResult(byte[] body, int statusCode = StatusCodes.Status200OK, int cacheSeconds = 0, string? wwwAuthenticate = null) : IResult
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static JsonResult From(object body, int statusCode = StatusCodes.Status200OK) =>
        new(JsonSerializer.SerializeToUtf8Bytes(body, Options), statusCode);

    /// <summary>An error body; a 401 always carries a Basic challenge (RFC 7235 §3.1, RFC 6749 §5.2), however the client authenticated.</summary>
    public static JsonResult Error(ProtocolError error) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = error.Error, ["error_description"] = error.Description }),
            error.StatusCode, wwwAuthenticate: error.StatusCode == 401 ? "Basic realm=\"HelpdeskIdentity\"" : null);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        if (cacheSeconds > 0)
        {
            response.Headers.CacheControl = $"public, max-age={cacheSeconds}";
        }
        else
        {
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = "no-cache";
        }

        if (wwwAuthenticate is not null)
        {
            response.Headers.WWWAuthenticate = wwwAuthenticate;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
