using Microsoft.AspNetCore.Http.Features;

namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// A body limit below Kestrel's 30 MB for one request: a larger declared body is refused before anything reads it, and
/// on servers that enforce it (Kestrel) a chunked body is cut off at the same size, as a 413 the reader sees as
/// <see cref="BadHttpRequestException"/>.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>False when the request declares more than <paramref name="maxBytes"/>; otherwise caps what may be read.</summary>
    public static bool TryApply(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        return true;
    }
}
