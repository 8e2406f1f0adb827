namespace HelpdeskIdentity.Benchmarks;

/// <summary>The <c>KEY=value</c> file deploy/local/run.sh writes once the service is ready (.local/endpoints.env).</summary>
internal sealed class EndpointsFile
{
    private readonly Dictionary<string, string> _values;

    private EndpointsFile(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    public string Path { get; }

    /// <exception cref="BenchmarkException">The file does not exist.</exception>
    public static EndpointsFile Load(string? path)
    {
        path = System.IO.Path.GetFullPath(path ?? System.IO.Path.Combine(RepositoryRoot(), ".local", "endpoints.env"));
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
        return new EndpointsFile(path, values);
    }

    /// <exception cref="BenchmarkException">The key is missing or empty.</exception>
    public string Required(string key) =>
        _values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new BenchmarkException($"{Path} has no {key}; restart deploy/local/run.sh to rewrite it.");

    /// <summary>The directory holding HelpdeskIdentity.sln, from the working directory or the program's own.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "HelpdeskIdentity.sln")))
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
