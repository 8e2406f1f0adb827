namespace OidcBenchmark;

/// <summary>Checks, before anything is measured, that the service answers and its database and bus are up.</summary>
internal static class ServiceProbe
{
    /// <exception cref="BenchmarkException">The service does not answer /health/ready with 200.</exception>
    public static async Task EnsureReadyAsync(BenchmarkEndpoints endpoints, CancellationToken cancellationToken)
    {
        var ready = new Uri(endpoints.Issuer, "health/ready");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync(ready, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchmarkException($"GET {ready} answered {(int)response.StatusCode}: the service is not ready; is deploy/local/run.sh still running?");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BenchmarkException($"GET {ready} failed ({ex.Message}): start deploy/local/run.sh first, and wait until it says the service is running.");
        }
    }
}
