using System.Collections.Concurrent;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// Discovery and JWKS are the same for every caller (built on <c>Oidc:Issuer</c>, never on the request) and change only
/// with configuration or the published keys. The first middleware after the health checks answers them from memory: the
/// body and headers the whole pipeline below gave them (security headers, CORS, <c>Vary: Origin</c>, OpenIddict's
/// answer), kept per path, per Origin (none or a registered one; any other Origin is not cached and gets no CORS
/// headers), per scheme the request arrived over and per published key set, so a rotation shows at once; an entry is
/// rebuilt after <see cref="Lifetime"/>. Written here because ASP.NET Core's output cache cost a quarter of the CPU of
/// every hit (decision 0052).
/// </summary>
internal sealed class MetadataCache(RequestDelegate next, SigningKeys keys, IOptions<OidcOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Headers the server writes for each answer itself: not replayed from the first one.</summary>
    private static readonly HashSet<string> ServerHeaders = new([HeaderNames.ContentLength, HeaderNames.Date, HeaderNames.Server, HeaderNames.TransferEncoding], StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _origins = OidcCors.RegisteredOrigins(options.Value);
    private readonly ConcurrentDictionary<(string Path, string Origin, bool Https), Entry> _entries = new();
    private volatile KeyStamp? _stamp;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (request.Path.Value is not (OidcPaths.Discovery or OidcPaths.Jwks) || !HttpMethods.IsGet(request.Method)
            || (origin.Length > 0 && !_origins.Contains(origin)))
        {
            await next(context);
            return;
        }

        var kids = Kids(await keys.GetAsync(context.RequestAborted));
        var key = (request.Path.Value, origin, request.IsHttps); // in Production OpenIddict refuses plain HTTP: no HTTPS entry answers it
        if (_entries.TryGetValue(key, out var entry) && string.Equals(entry.Kids, kids, StringComparison.Ordinal) && clock.GetUtcNow() < entry.Expires)
        {
            await entry.WriteAsync(context.Response);
            return;
        }

        if (await CaptureAsync(context, kids) is { } fresh)
        {
            _entries[key] = fresh;
        }
    }

    /// <summary>Runs the pipeline with the body buffered; returns what to keep when the answer is a cacheable 200.</summary>
    private async Task<Entry?> CaptureAsync(HttpContext context, string kids)
    {
        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var bytes = buffer.ToArray();
        await body.WriteAsync(bytes, context.RequestAborted);
        return response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            ? new Entry(kids, clock.GetUtcNow() + Lifetime, bytes, response.Headers
                .Where(h => !ServerHeaders.Contains(h.Key)).ToArray())
            : null;
    }

    /// <summary>The published key ids, in order, joined once per key set the ring hands out (not once per request).</summary>
    private string Kids(SigningKeySet set)
    {
        if (_stamp is { } stamp && ReferenceEquals(stamp.Set, set))
        {
            return stamp.Kids;
        }

        _stamp = stamp = new KeyStamp(set, string.Join(',', set.ValidationKeys.Select(k => k.KeyId)));
        return stamp.Kids;
    }

    private sealed record KeyStamp(SigningKeySet Set, string Kids);

    private sealed record Entry(string Kids, DateTimeOffset Expires, byte[] Body, KeyValuePair<string, StringValues>[] Headers)
    {
        public Task WriteAsync(HttpResponse response)
        {
            response.StatusCode = StatusCodes.Status200OK;
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }

            response.ContentLength = Body.Length;
            return response.Body.WriteAsync(Body, 0, Body.Length);
        }
    }
}
