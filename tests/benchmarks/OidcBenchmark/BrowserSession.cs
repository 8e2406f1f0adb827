using System.Net;

namespace OidcBenchmark;

/// <summary>
/// One browser: its own cookies, no redirects followed (the flows look at each one), one request at a
/// time on its own connection.
/// </summary>
internal sealed class BrowserSession : IDisposable
{
    /// <summary>The service's session cookie (<c>SessionCookie.CookieName</c> in the service).</summary>
    public const string SessionCookieName = "hdid.session";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;

    public BrowserSession(Uri issuer)
    {
        Issuer = issuer;
        _client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = issuer,
            Timeout = RequestTimeout,
        };
    }

    public Uri Issuer { get; }

    public Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken) => _client.GetAsync(url, cancellationToken);

    public Task<HttpResponseMessage> PostAsync(Uri url, HttpContent content, CancellationToken cancellationToken) =>
        _client.PostAsync(url, content, cancellationToken);

    /// <summary>GETs the sign-in page (which sets the antiforgery cookie) and reads its form.</summary>
    /// <exception cref="BenchmarkException">The page did not answer 200 or has no usable form.</exception>
    public async Task<LoginForm> OpenLoginPageAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(url, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? LoginForm.Parse(html, url)
            : throw new BenchmarkException($"GET {url} answered {(int)response.StatusCode} instead of the sign-in page.");
    }

    /// <summary>
    /// Forgets the session a sign-in set, keeping the antiforgery cookie: the next sign-in is again an
    /// anonymous browser's (the form's token was issued to an anonymous user, and antiforgery refuses it for a signed-in one).
    /// </summary>
    public void ForgetSession()
    {
        foreach (Cookie cookie in _cookies.GetCookies(Issuer))
        {
            if (cookie.Name == SessionCookieName)
            {
                cookie.Expired = true;
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
