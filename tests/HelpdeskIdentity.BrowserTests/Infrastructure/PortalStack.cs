using HelpdeskIdentity.TestSupport;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>
/// Everything a person's browser talks to, on real ports: PostgreSQL and RabbitMQ (deploy/local/*.sh), the real
/// service binary with the development mailbox, and the demo portal registered as client <c>portal</c> for its own
/// origin. Form rate limits are lifted: every journey signs in from the same loopback address.
/// </summary>
public sealed class PortalStack : IAsyncLifetime
{
    public const string PortalClientId = "portal";

    /// <summary>The one organisation whose people must have a second factor (docs/decisions/0040); only its own journey uses it.</summary>
    public const string SecondFactorRequiredDomain = "second-factor-required.example";

    private static readonly string[] RateLimitRules =
        ["SignInPerClient", "SignInPerAddress", "ForgotPasswordPerClient", "ForgotPasswordPerAddress", "SetPasswordPerClient", "EmailsPerAddress"];

    private readonly LocalServers _servers = new();
    private ServiceProcess? _service;
    private PortalServer? _portal;
    private TestBus? _bus;
    private Dictionary<string, string> _settings = [];

    /// <summary>
    /// The identity service, e.g. http://localhost:3xxxx (also its issuer). On <c>localhost</c>, not 127.0.0.1: WebAuthn
    /// needs a domain for its relying-party id, and the portal shares the site so its silent renew keeps the session cookie.
    /// </summary>
    public string Issuer => _service!.Url;

    /// <summary>The demo portal's origin, e.g. http://localhost:3xxxx.</summary>
    public string PortalUrl => _portal!.Url;

    public string MailboxUrl => Issuer + "/dev/mailbox";

    public async ValueTask InitializeAsync()
    {
        try
        {
            await _servers.InitializeAsync();
            var environment = await _servers.NewEnvironmentAsync("browser");
            var issuer = $"http://localhost:{FreePorts.Find(10000, 17999)}";
            var portalUrl = $"http://localhost:{FreePorts.Find(10000, 17999)}";
            _settings = Settings(environment, issuer, portalUrl);
            var service = ServiceProcess.StartAsync(_settings, issuer);
            var portal = PortalServer.StartAsync(issuer, PortalClientId, portalUrl);
            var axe = NodePackages.EnsureInstalledAsync(Axe.Folder, "axe-core");
            _bus = await TestBus.ConnectAsync(environment.AmqpUrl);
            _service = await service;
            _portal = await portal;
            await axe;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes a TicketReceived as plain JSON, as a helpdesk would, from <paramref name="from"/> (an RFC 5322 mailbox).</summary>
    public Task PublishTicketAsync(string from) =>
        _bus!.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), from));

    /// <summary>Waits until the service announces the account for <paramref name="email"/> on the bus.</summary>
    public Task WaitForAccountAsync(string email) =>
        Eventually.HoldsAsync(
            () => Task.FromResult(_bus!.AccountsCreated.Any(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase))),
            $"RequesterAccountCreated for {email}");

    /// <summary>A claimed, verified account with a password, made by the operator command (<c>users add</c>) of the service binary.</summary>
    public async Task CreateAccountAsync(string email, string name, string password)
    {
        var result = await Shell.RunAsync("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "HelpdeskIdentity.Api.dll"), "users", "add", email, "--name", name],
            _settings, password + "\n", AppContext.BaseDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"users add {email} exited with {result.ExitCode}:\n{result.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }

        await _servers.DisposeAsync();
        if (_settings.TryGetValue("Email__PickupDirectory", out var mailbox) && Directory.Exists(mailbox))
        {
            Directory.Delete(mailbox, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(TestEnvironment environment, string issuer, string portalUrl)
    {
        var settings = new Dictionary<string, string>
        {
            // Plain HTTP on loopback: Production's cookies demand HTTPS, Testing's follow the request.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Identity"] = environment.ConnectionString,
            ["RabbitMq__Url"] = environment.AmqpUrl,
            ["Oidc__Issuer"] = issuer,
            ["Branding__SupportEmail"] = "support@helpdesk.example",
            ["Email__From"] = "Helpdesk <no-reply@helpdesk.example>",
            ["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "hdid-browser-mailbox-" + Guid.NewGuid().ToString("N")),
            ["Email__PollInterval"] = "00:00:00.200",
            ["Email__Mailbox__Enabled"] = "true",
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Oidc__Clients__0__ClientId"] = PortalClientId,
            ["Oidc__Clients__0__DisplayName"] = "Customer portal (demo)",
            ["Oidc__Clients__0__Type"] = "Public",
            ["Oidc__Clients__0__RedirectUris__0"] = portalUrl + "/callback",
            ["Oidc__Clients__0__RedirectUris__1"] = portalUrl + "/silent-renew",
            ["Oidc__Clients__0__PostLogoutRedirectUris__0"] = portalUrl + "/",
            ["Oidc__Clients__0__AllowedCorsOrigins__0"] = portalUrl,
            ["Oidc__Clients__0__AllowedGrantTypes__0"] = "authorization_code",
            ["Oidc__Clients__0__AllowedGrantTypes__1"] = "refresh_token",
            ["Oidc__Clients__0__AllowedScopes__0"] = "openid",
            ["Oidc__Clients__0__AllowedScopes__1"] = "profile",
            ["Oidc__Clients__0__AllowedScopes__2"] = "email",
            ["Oidc__Clients__0__AllowedScopes__3"] = "organization",
            ["Oidc__Clients__0__AllowedScopes__4"] = "offline_access",
            ["Accounts__TwoFactor__RequiredForOrganizations__0"] = SecondFactorRequiredDomain,
        };
        foreach (var rule in RateLimitRules)
        {
            settings[$"RateLimits__{rule}__PermitLimit"] = "1000000";
        }

        return settings;
    }
}
