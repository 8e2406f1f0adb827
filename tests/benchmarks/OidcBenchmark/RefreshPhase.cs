using System.Net;

namespace OidcBenchmark;

/// <summary>
/// Refresh token grants: each worker signs in once through the code flow (its own token family), then
/// refreshes again and again, always with the newest refresh token it received (rotation spends the old one).
/// After a failed refresh the family may be spent or revoked: the worker signs in again, unmeasured.
/// </summary>
internal static class RefreshPhase
{
    public static async Task<LoadMeasurement> RunAsync(
        BenchmarkEndpoints endpoints, OpenIdProvider service, BenchmarkUser user, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, options.RefreshWorkers).Select(_ => new BrowserSession(endpoints.Issuer)).ToList();
        try
        {
            await Console.Error.WriteLineAsync($"Refresh: {options.RefreshWorkers} workers sign in through the code flow…");
            var tokens = await Task.WhenAll(clients.Select(c => CodeFlow.SignInAsync(c, endpoints, service, user, cancellationToken)));
            await Console.Error.WriteLineAsync(
                $"Refresh: {options.RefreshWorkers} workers for {options.Warmup} s unmeasured, then {options.Seconds} s…");
            var window = LoadWindow.StartNow(TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds));
            var samples = await Task.WhenAll(clients.Select((c, i) =>
                Task.Run(() => WorkAsync(c, tokens[i], endpoints, service, user, window, cancellationToken), cancellationToken)));
            return LoadMeasurement.Compute(options.RefreshWorkers, window, samples.SelectMany(s => s));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<List<RequestSample>> WorkAsync(
        BrowserSession client, string refreshToken, BenchmarkEndpoints endpoints, OpenIdProvider service, BenchmarkUser user, LoadWindow window,
        CancellationToken cancellationToken)
    {
        var samples = new List<RequestSample>();
        while (window.IsOpen)
        {
            string? next = null;
            var sample = await TimedRequest.RunAsync(async () =>
            {
                using var response = await client.PostAsync(service.TokenEndpoint, new FormUrlEncodedContent(
                [
                    new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", endpoints.PortalClientId),
                ]), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return $"HTTP {(int)response.StatusCode} {TokenResponse.ErrorIn(body)}".TrimEnd();
                }

                next = TokenResponse.RefreshTokenIn(body);
                return next is null ? "200 without a refresh token" : null;
            }, cancellationToken);
            samples.Add(sample);

            if (next is not null)
            {
                refreshToken = next;
                continue;
            }

            try
            {
                refreshToken = await CodeFlow.SignInAsync(client, endpoints, service, user, cancellationToken);
            }
            catch (Exception ex) when (ex is BenchmarkException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await Console.Error.WriteLineAsync($"Refresh: a worker could not sign in again and stopped ({ex.Message}).");
                samples.Add(sample with { Error = "worker stopped: could not sign in again" });
                break;
            }
        }

        return samples;
    }
}
