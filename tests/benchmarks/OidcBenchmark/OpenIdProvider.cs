using System.Text.Json;

namespace OidcBenchmark;

/// <summary>A provider under load, found through its discovery document only (no knowledge of its internals).</summary>
internal sealed record OpenIdProvider(string Name, Uri Discovery, Uri Jwks, Uri AuthorizationEndpoint, Uri TokenEndpoint)
{
    /// <exception cref="BenchmarkException">The discovery document is missing or lacks one of the endpoints.</exception>
    public static async Task<OpenIdProvider> DiscoverAsync(string name, Uri issuer, CancellationToken cancellationToken)
    {
        var discovery = new Uri(issuer.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync(discovery, cancellationToken));
            return new OpenIdProvider(name, discovery, Endpoint(document, "jwks_uri", discovery),
                Endpoint(document, "authorization_endpoint", discovery), Endpoint(document, "token_endpoint", discovery));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BenchmarkException($"{name}: GET {discovery} failed ({ex.Message}); is it running?");
        }
    }

    private static Uri Endpoint(JsonDocument document, string property, Uri discovery) =>
        document.RootElement.TryGetProperty(property, out var value) && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new BenchmarkException($"{discovery} has no usable {property}.");
}
