using System.Globalization;
using System.Net;
using HelpdeskIdentity.TestSupport;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Deploy;

/// <summary>
/// N containers of the service image (<see cref="StackImages"/>) behind the compose stack's HAProxy, configured
/// by deploy/compose/haproxy.cfg with its server lines pointed at them: on the host's network, so they share the
/// test run's PostgreSQL and RabbitMQ, and each on a loopback port of its own. Instances are killed, stopped and
/// started with podman as an orchestrator would; every container goes when this is disposed.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    private readonly string _name = "hdid-scale-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _containers = [];
    private readonly string _state;
    private IReadOnlyDictionary<string, string> _engine = new Dictionary<string, string>();

    private ScaleOutCluster(int instances)
    {
        _state = Path.Combine(Path.GetTempPath(), _name);
        Ports = Enumerable.Range(0, instances).Select(_ => FreePorts.Find(10000, 17999)).ToList();
    }

    /// <summary>Each instance's own port on 127.0.0.1; instance i is the proxy's server <c>identity-{i+1}</c>.</summary>
    public IReadOnlyList<int> Ports { get; }

    public int ProxyPort { get; } = FreePorts.Find(10000, 17999);

    public string Origin => $"http://127.0.0.1:{ProxyPort}";

    /// <summary>The instances' shared pickup directory: every e-mail any of them sent is a file here.</summary>
    public string MailboxDirectory => Path.Combine(_state, "mailbox");

    /// <summary>Starts <paramref name="instances"/> service containers at once with <paramref name="settings"/>, then the proxy; ready when every instance answers through it.</summary>
    public static async Task<ScaleOutCluster> StartAsync(int instances, IReadOnlyDictionary<string, string> settings)
    {
        var cluster = new ScaleOutCluster(instances);
        try
        {
            await cluster.StartContainersAsync(settings);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public static string ServerName(int instance) => $"identity-{instance + 1}";

    /// <summary>A client through the proxy with its own cookies that does not follow redirects.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(Origin),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>SIGKILL: the process ends mid-request, mid-message, mid-transaction.</summary>
    public Task KillAsync(int instance) => PodmanAsync("kill", "--signal", "KILL", Container(instance));

    /// <summary>The orchestrator's stop: SIGTERM, up to 30 s to finish what is in flight.</summary>
    public Task StopAsync(int instance) => PodmanAsync("stop", "--time", "30", Container(instance));

    /// <summary>Starts a stopped or killed instance again; returns once the proxy routes requests to it.</summary>
    public async Task StartAgainAsync(int instance)
    {
        await PodmanAsync("start", Container(instance));
        await WaitUntilServedAsync(instance, TimeSpan.FromMinutes(2));
    }

    /// <summary>What an instance printed (for failure messages).</summary>
    public async Task<string> LogsAsync(int instance) =>
        (await Shell.RunAsync("podman", ["logs", "--tail", "40", Container(instance)], new Dictionary<string, string>(), null, Repository.Root)).Output;

    public async ValueTask DisposeAsync()
    {
        if (_containers.Count > 0)
        {
            await Shell.RunAsync("podman", ["rm", "--force", "--time", "0", .. _containers], new Dictionary<string, string>(), null, Repository.Root);
        }

        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private string Container(int instance) => $"{_name}-{ServerName(instance)}";

    private async Task StartContainersAsync(IReadOnlyDictionary<string, string> settings)
    {
        _engine = await StackImages.EnvironmentAsync();
        Directory.CreateDirectory(MailboxDirectory);
        // The service runs as uid 1654 in its image, HAProxy as haproxy: podman runs on Linux only.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The scale-out cluster runs containers with podman on Linux.");
        }

        File.SetUnixFileMode(MailboxDirectory, (UnixFileMode)0b111_111_111);
        for (var instance = 0; instance < Ports.Count; instance++)
        {
            var environment = settings.Concat([new("ASPNETCORE_URLS", $"http://127.0.0.1:{Ports[instance]}"), new("Oidc__Issuer", Origin)])
                .SelectMany(setting => new[] { "--env", $"{setting.Key}={setting.Value}" });
            await RunContainerAsync(Container(instance),
                ["--read-only", "--tmpfs", "/tmp", "--volume", $"{MailboxDirectory}:/var/lib/helpdesk/mailbox", .. environment, _engine["HELPDESK_IMAGE"]]);
        }

        var config = Path.Combine(_state, "haproxy.cfg");
        await File.WriteAllTextAsync(config, ProxyConfiguration());
        File.SetUnixFileMode(config, (UnixFileMode)0b110_100_100);
        await RunContainerAsync($"{_name}-proxy", ["--volume", $"{config}:/usr/local/etc/haproxy/haproxy.cfg:ro", _engine["HELPDESK_PROXY_IMAGE"]]);
        for (var instance = 0; instance < Ports.Count; instance++)
        {
            await WaitUntilServedAsync(instance, TimeSpan.FromMinutes(3));
        }
    }

    /// <summary>The compose stack's proxy configuration, listening on <see cref="ProxyPort"/>, its servers these instances.</summary>
    private string ProxyConfiguration()
    {
        var compose = File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "compose", "haproxy.cfg"));
        compose.ShouldContain("    bind :8080");
        var lines = compose.Where(l => !l.TrimStart().StartsWith("server ", StringComparison.Ordinal))
            .Select(l => l == "    bind :8080" ? $"    bind 127.0.0.1:{ProxyPort}" : l).ToList();
        lines.AddRange(Ports.Select((port, i) => $"    server {ServerName(i)} 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        return string.Join('\n', lines) + '\n';
    }

    private async Task RunContainerAsync(string name, IEnumerable<string> arguments)
    {
        _containers.Add(name);
        var id = await PodmanAsync(["run", "--detach", "--name", name, "--network", "host", .. arguments]);
        if (Environment.GetEnvironmentVariable(TestImages.ContainerLogSetting) is { Length: > 0 } log)
        {
            await File.AppendAllTextAsync(log, id.Trim() + Environment.NewLine);
        }
    }

    private async Task WaitUntilServedAsync(int instance, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var server = ServerName(instance);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                try
                {
                    // A new connection each time, so the proxy's round robin comes to every server.
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"{Origin}/health/ready") { Headers = { ConnectionClose = true } };
                    using var response = await client.SendAsync(request);
                    return response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues("X-Served-By", out var by) && by.Contains(server);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, $"{server} answers /health/ready through the proxy", timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{await LogsAsync(instance)}", ex);
        }
    }

    private Task<string> PodmanAsync(params string[] arguments) => PodmanAsync((IEnumerable<string>)arguments);

    private async Task<string> PodmanAsync(IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        var result = await Shell.RunAsync("podman", list, new Dictionary<string, string>(), null, Repository.Root, TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, $"podman {string.Join(' ', list.Where(a => !a.Contains('=', StringComparison.Ordinal)))}:\n{result.Output}");
        return result.Output;
    }
}
