using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace OidcBenchmark.SideBySide;

/// <summary>
/// The most any ASP.NET Core service can answer discovery and JWKS with on this machine: a bare Kestrel in this
/// process, with no middleware, writing from memory the very status, headers and body our service gave those two
/// GETs. Measured beside ours in the same rounds, it tells what our pipeline costs on top of Kestrel and the socket.
/// </summary>
internal sealed class KestrelCeiling : IAsyncDisposable
{
    /// <summary>Headers Kestrel writes for each answer itself.</summary>
    private static readonly HashSet<string> ServerHeaders = new(["Content-Length", "Date", "Server", "Transfer-Encoding"], StringComparer.OrdinalIgnoreCase);

    private readonly WebApplication _app;

    private KestrelCeiling(WebApplication app, OpenIdProvider provider)
    {
        _app = app;
        Provider = provider;
    }

    /// <summary>Its discovery and JWKS URLs; it has no token endpoint.</summary>
    public OpenIdProvider Provider { get; }

    /// <exception cref="BenchmarkException">Our service did not answer discovery or JWKS with 200.</exception>
    public static async Task<KestrelCeiling> StartAsync(OpenIdProvider ours, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal)
        {
            [ours.Discovery.AbsolutePath] = await Answer.CopyAsync(ours.Discovery, cancellationToken),
            [ours.Jwks.AbsolutePath] = await Answer.CopyAsync(ours.Jwks, cancellationToken),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(context =>
        {
            if (answers.TryGetValue(context.Request.Path.Value ?? "", out var answer))
            {
                return answer.WriteAsync(context.Response);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken);

        var address = new Uri(app.Urls.Single()); // the port Kestrel bound
        return new KestrelCeiling(app, ours with
        {
            Name = "bare Kestrel",
            Discovery = new Uri(address, ours.Discovery.PathAndQuery),
            Jwks = new Uri(address, ours.Jwks.PathAndQuery),
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed record Answer(byte[] Body, KeyValuePair<string, StringValues>[] Headers)
    {
        public static async Task<Answer> CopyAsync(Uri url, CancellationToken cancellationToken)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await client.GetAsync(url, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new BenchmarkException($"GET {url} answered {(int)response.StatusCode}; the ceiling copies a 200.");
            }

            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => !ServerHeaders.Contains(h.Key))
                .Select(h => KeyValuePair.Create(h.Key, new StringValues([.. h.Value])))
                .ToArray();
            return new Answer(await response.Content.ReadAsByteArrayAsync(cancellationToken), headers);
        }

        public Task WriteAsync(HttpResponse response)
        {
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }

            response.ContentLength = Body.Length;
            return response.Body.WriteAsync(Body, 0, Body.Length);
        }
    }
}
