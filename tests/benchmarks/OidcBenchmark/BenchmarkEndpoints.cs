using HelpdeskIdentity.Benchmarks;

namespace OidcBenchmark;

/// <summary>
/// The running service, from the endpoints file run.sh writes: its issuer, database and broker, the
/// portal client, and the service binary run.sh published next to the file (<c>app/HelpdeskIdentity.Api.dll</c>).
/// </summary>
internal sealed record BenchmarkEndpoints(
    Uri Issuer, string PgConnection, string AmqpUrl, string PortalClientId, string PortalRedirectUri, string ServiceBinary,
    string BackendClientId, string BackendClientSecret)
{
    /// <exception cref="BenchmarkException">The file or the binary is missing, or the file lacks a value.</exception>
    public static BenchmarkEndpoints Load(string? path)
    {
        var file = EndpointsFile.Load(path);
        var issuerText = file.Required("ISSUER");
        if (!Uri.TryCreate(issuerText.TrimEnd('/') + "/", UriKind.Absolute, out var issuer))
        {
            throw new BenchmarkException($"{file.Path}: ISSUER '{issuerText}' is not a URL.");
        }

        var binary = Path.Combine(Path.GetDirectoryName(file.Path)!, "app", "HelpdeskIdentity.Api.dll");
        return File.Exists(binary)
            ? new BenchmarkEndpoints(issuer, file.Required("PG_CONNECTION"), file.Required("AMQP_URL"), file.Required("PORTAL_CLIENT_ID"), file.Required("PORTAL_REDIRECT_URI"), binary,
                file.Required("BACKEND_CLIENT_ID"), file.Required("BACKEND_CLIENT_SECRET"))
            : throw new BenchmarkException($"{binary} does not exist: deploy/local/run.sh publishes the service there; start deploy/local/run.sh first.");
    }
}
