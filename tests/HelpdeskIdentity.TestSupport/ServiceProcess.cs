using System.Diagnostics;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// The real service binary (HelpdeskIdentity.Api.dll, copied beside the tests) in a process of
/// its own, configured only by environment variables — the way production runs it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly BackgroundProcess _process;

    private ServiceProcess(BackgroundProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public string Output => _process.Output;

    /// <summary>A loopback URL on a free port, for a service whose issuer must be known before it starts.</summary>
    public static string NewUrl() => $"http://127.0.0.1:{FreePorts.Find(10000, 17999)}";

    public static async Task<ServiceProcess> StartAsync(IDictionary<string, string> environment, string? url = null)
    {
        url ??= NewUrl();
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "HelpdeskIdentity.Api.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Branding__SupportEmail"] = "support@helpdesk.example";
        start.Environment["Email__From"] = "no-reply@helpdesk.example";
        // Test data only: the key ring may stay unencrypted (the production guard refuses that unless said explicitly).
        start.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        start.Environment["AllowedHosts"] = "127.0.0.1;localhost";
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "hdid-mailbox-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = await BackgroundProcess.StartAsync(start, new Uri(url + "/health/ready"), "the service process", TimeSpan.FromSeconds(60));
        return new ServiceProcess(process, url);
    }

    /// <inheritdoc cref="BackgroundProcess.TerminateAsync"/>
    public Task<int> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
