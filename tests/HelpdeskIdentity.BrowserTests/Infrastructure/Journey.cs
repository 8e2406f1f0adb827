using System.Globalization;
using System.Text.Json.Nodes;
using HelpdeskIdentity.BrowserTests.Pages;
using Microsoft.Playwright;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>
/// One person's browser for one test: a fresh context (no cookies, no storage) from the class's browser, the pages
/// they meet, a screenshot per step (<see cref="StepAsync"/>), and a browser restart that keeps what a real one keeps.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly JourneyOptions _options;
    private readonly string _screenshots;
    private readonly List<string> _visited = [];
    private int _step;

    private Journey(IBrowser browser, PortalStack stack, JourneyOptions options, string screenshots)
    {
        _browser = browser;
        Stack = stack;
        _options = options;
        _screenshots = screenshots;
    }

    public PortalStack Stack { get; }

    public IBrowserContext Context { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    /// <summary>Every page the browser showed (redirects it only passed through are not pages), in order.</summary>
    public IReadOnlyList<string> Visited => _visited;

    public PortalPage Portal => new(Page, Stack.PortalUrl);

    public SignInPage SignIn => new(Page);

    public ForgotPasswordPage ForgotPassword => new(Page);

    public SetPasswordPage SetPassword => new(Page);

    public RegisterPage Register => new(Page);

    public MailboxPage Mailbox => new(Page, Stack.MailboxUrl);

    public static async Task<Journey> StartAsync(BrowserFixture browser, PortalStack stack, JourneyOptions? options = null)
    {
        var test = TestContext.Current.TestMethod?.MethodName ?? "journey";
        var journey = new Journey(browser.Browser, stack, options ?? new JourneyOptions(), Screenshots.FolderFor(test));
        await journey.OpenBrowserAsync(storageState: null);
        return journey;
    }

    /// <summary>Portal → Sign in → the sign-in form, filled in → back on the portal, signed in; a screenshot each.</summary>
    public async Task SignInWithPasswordAsync(string email, string password, bool keepSignedIn)
    {
        await Portal.OpenAsync();
        await StepAsync("portal");
        await Portal.SignInButton.ClickAsync();
        await SignIn.ExpectShownAsync();
        await StepAsync("sign-in");
        await SignIn.SignInAsync(email, password, keepSignedIn);
        await Portal.ExpectSignedInAsync(email);
        await StepAsync("signed-in");
    }

    /// <summary>Takes the screenshot of this step: NN-<paramref name="name"/>.png.</summary>
    public async Task StepAsync(string name)
    {
        _step++;
        var file = Path.Combine(_screenshots, string.Create(CultureInfo.InvariantCulture, $"{_step:00}-{name}.png"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    /// <summary>
    /// Closes the browser and starts it again the way a real restart does: cookies with an expiry date and local
    /// storage survive; session cookies and session storage do not.
    /// </summary>
    public async Task RestartBrowserAsync()
    {
        var state = await Context.StorageStateAsync();
        await Context.CloseAsync();
        _visited.Clear();
        await OpenBrowserAsync(WithoutSessionCookies(state));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StepAsync("end"); // what the browser showed last, pass or fail
        }
        finally
        {
            await Context.CloseAsync();
        }
    }

    private async Task OpenBrowserAsync(string? storageState)
    {
        Context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = _options.Locale,
            BypassCSP = _options.BypassCsp,
            StorageState = storageState,
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
        });
        Page = await Context.NewPageAsync();
        Page.FrameNavigated += (_, frame) =>
        {
            if (frame == Page.MainFrame)
            {
                _visited.Add(frame.Url);
            }
        };
    }

    private static string WithoutSessionCookies(string state)
    {
        var root = JsonNode.Parse(state)!;
        var cookies = root["cookies"]!.AsArray();
        foreach (var session in cookies.Where(c => c!["expires"]!.GetValue<double>() < 0).ToList())
        {
            cookies.Remove(session);
        }

        return root.ToJsonString();
    }
}
