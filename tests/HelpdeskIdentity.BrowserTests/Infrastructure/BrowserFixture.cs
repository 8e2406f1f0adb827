using Microsoft.Playwright;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium per test class (a launch costs seconds); every test gets fresh contexts from it.
/// The browser is Debian's (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>); Playwright never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: run deploy/local/install.sh chromium (tests/run.sh does).");
        }

        // Redirect chains through the service on a busy 2-core CI machine can take longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
