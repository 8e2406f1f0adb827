using System.Diagnostics;
using System.Text;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// The real service binary (HelpdeskIdentity.Api.dll, copied beside the tests) in a process of
/// its own, configured only by environment variables — the way production runs it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A loopback URL on a free port, for a service whose issuer must be known before it starts.</summary>
    public static string NewUrl() => $"http://127.0.0.1:{FreePorts.Find(30000, 39999)}";

    public static async Task<ServiceProcess> StartAsync(IDictionary<string, string> environment, string? url = null)
    {
        url ??= NewUrl();
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "HelpdeskIdentity.Api.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Branding__SupportEmail"] = "support@helpdesk.example";
        start.Environment["Email__From"] = "no-reply@helpdesk.example";
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "hdid-mailbox-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, url);
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();

        using var client = new HttpClient();
        await Eventually.HoldsAsync(async () =>
        {
            if (service._process.HasExited)
            {
                throw new InvalidOperationException("The service exited while starting:\n" + service.Output);
            }

            try
            {
                return (await client.GetAsync(new Uri(url + "/health/ready"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the service process is ready", TimeSpan.FromSeconds(60));
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
