namespace OidcBenchmark;

/// <summary>
/// The running service, from the endpoints file run.sh writes: its issuer, database and broker, the
/// portal client, and the service binary run.sh published next to the file (<c>app/HelpdeskIdentity.Api.dll</c>).
/// </summary>
internal sealed record BenchmarkEndpoints(
    Uri Issuer, string PgConnection, string AmqpUrl, string PortalClientId, string PortalRedirectUri, string ServiceBinary)
{
    /// <exception cref="BenchmarkException">The file or the binary is missing, or the file lacks a value.</exception>
    public static BenchmarkEndpoints Load(string? path)
    {
        path = Path.GetFullPath(path ?? Path.Combine(RepositoryRoot(), ".local", "endpoints.env"));
        if (!File.Exists(path))
        {
            throw new BenchmarkException($"{path} does not exist: start deploy/local/run.sh first (in another terminal) and wait until it says the service is running.");
        }

        var values = File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => Unquote(pair[1].Trim()), StringComparer.Ordinal);

        string Required(string key) =>
            values.TryGetValue(key, out var value) && value.Length > 0
                ? value
                : throw new BenchmarkException($"{path} has no {key}; restart deploy/local/run.sh to rewrite it.");

        var issuerText = Required("ISSUER");
        if (!Uri.TryCreate(issuerText.TrimEnd('/') + "/", UriKind.Absolute, out var issuer))
        {
            throw new BenchmarkException($"{path}: ISSUER '{issuerText}' is not a URL.");
        }

        var binary = Path.Combine(Path.GetDirectoryName(path)!, "app", "HelpdeskIdentity.Api.dll");
        return File.Exists(binary)
            ? new BenchmarkEndpoints(issuer, Required("PG_CONNECTION"), Required("AMQP_URL"), Required("PORTAL_CLIENT_ID"), Required("PORTAL_REDIRECT_URI"), binary)
            : throw new BenchmarkException($"{binary} does not exist: deploy/local/run.sh publishes the service there; start deploy/local/run.sh first.");
    }

    /// <summary>The directory holding HelpdeskIdentity.sln, from the working directory or the program's own.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HelpdeskIdentity.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchmarkException("Cannot find the repository root (no HelpdeskIdentity.sln above here); pass --endpoints FILE.");
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0] ? value[1..^1] : value;
}
