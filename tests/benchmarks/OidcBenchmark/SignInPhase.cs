using System.Net;

namespace OidcBenchmark;

/// <summary>
/// Password sign-ins: each worker is a browser that opens the sign-in page once (antiforgery cookie and
/// token), then posts the form with the right password again and again. A sign-in succeeded when it
/// answers 302 and sets the session cookie; the worker then forgets that session so the next post is
/// again an anonymous browser's.
/// </summary>
internal static class SignInPhase
{
    public static async Task<LoadMeasurement> RunAsync(BenchmarkEndpoints endpoints, BenchmarkUser user, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var browsers = Enumerable.Range(0, options.Workers).Select(_ => new BrowserSession(endpoints.Issuer)).ToList();
        try
        {
            var loginPage = new Uri(endpoints.Issuer, "account/login");
            var forms = await Task.WhenAll(browsers.Select(b => b.OpenLoginPageAsync(loginPage, cancellationToken)));
            await Console.Error.WriteLineAsync(
                $"Sign-in: {options.Workers} workers for {options.Warmup} s unmeasured, then {options.Seconds} s…");
            var window = LoadWindow.StartNow(TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds));
            var samples = await Task.WhenAll(browsers.Select((b, i) =>
                Task.Run(() => WorkAsync(b, forms[i], user, window, cancellationToken), cancellationToken)));
            return LoadMeasurement.Compute(options.Workers, window, samples.SelectMany(s => s));
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    private static async Task<List<RequestSample>> WorkAsync(BrowserSession browser, LoginForm form, BenchmarkUser user, LoadWindow window, CancellationToken cancellationToken)
    {
        var samples = new List<RequestSample>();
        while (window.IsOpen)
        {
            samples.Add(await TimedRequest.RunAsync(async () =>
            {
                using var response = await browser.PostAsync(form.Action, form.Content(user.Email, user.Password), cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.Found)
                {
                    return $"HTTP {(int)response.StatusCode}";
                }

                var sessionSet = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                    && cookies.Any(c => c.StartsWith(BrowserSession.SessionCookieName, StringComparison.Ordinal));
                browser.ForgetSession();
                return sessionSet ? null : "302 without a session cookie";
            }, cancellationToken));
        }

        return samples;
    }
}
