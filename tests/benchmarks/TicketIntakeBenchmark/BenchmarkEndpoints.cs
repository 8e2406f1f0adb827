namespace TicketIntakeBenchmark;

/// <summary>Where the running service's broker and database are, from the endpoints file run.sh writes.</summary>
internal sealed record BenchmarkEndpoints(Uri AmqpUrl, string PgConnection, string TicketExchange)
{
    /// <exception cref="BenchmarkException">The file is missing or lacks a value.</exception>
    public static BenchmarkEndpoints Load(string? path)
    {
        path ??= Path.Combine(RepositoryRoot(), ".local", "endpoints.env");
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

        var amqp = Required("AMQP_URL");
        return Uri.TryCreate(amqp, UriKind.Absolute, out var amqpUrl)
            ? new BenchmarkEndpoints(amqpUrl, Required("PG_CONNECTION"), Required("TICKET_EXCHANGE"))
            : throw new BenchmarkException($"{path}: AMQP_URL '{amqp}' is not a URL.");
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
