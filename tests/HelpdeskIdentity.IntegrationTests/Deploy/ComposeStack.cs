using System.Net;
using System.Security.Cryptography;
using HelpdeskIdentity.TestSupport;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Deploy;

/// <summary>
/// deploy/compose.yaml brought up with podman (images from <see cref="StackImages"/>), on free
/// loopback ports, with secrets made for this run; brought down with its volumes at the end.
/// </summary>
public sealed class ComposeStack : IAsyncLifetime
{
    private readonly string _project = "hdid" + Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<string, string> _environment = new();
    private readonly HashSet<string> _readyReplicas = [];

    public int HttpPort { get; } = FreePorts.Find(10000, 17999);

    public int PortalPort { get; } = FreePorts.Find(10000, 17999);

    public string Origin => $"http://127.0.0.1:{HttpPort}";

    public string PortalRedirectUri => $"http://127.0.0.1:{PortalPort}/callback";

    public async ValueTask InitializeAsync()
    {
        await Shell.RunAsync(Repository.Script("install.sh"), "podman-compose");
        foreach (var (key, value) in await StackImages.EnvironmentAsync())
        {
            _environment[key] = value;
        }

        _environment["HELPDESK_DB_PASSWORD"] = Secret();
        _environment["HELPDESK_AMQP_PASSWORD"] = Secret();
        _environment["HELPDESK_BACKEND_SECRET_SHA256"] = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        _environment["HELPDESK_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["HELPDESK_PORTAL_PORT"] = PortalPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["HELPDESK_SUBNET"] = $"10.{Random.Shared.Next(90, 250)}.{Random.Shared.Next(0, 255)}.0/24";
        await ComposeAsync("up", "-d");
        await Eventually.HoldsAsync(BothReplicasReadyAsync, "both replicas answer /health/ready through the proxy", TimeSpan.FromMinutes(3));
    }

    /// <summary>A client through the proxy that keeps cookies and does not follow redirects, as the test browsers do.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(Origin),
        };

    /// <summary>
    /// Runs the service's own command line inside the first replica (configured like the service). As Production:
    /// in Development the command line's partial service set fails the container's build-time validation.
    /// </summary>
    public Task<ProcessResult> ServiceCommandAsync(params string[] arguments) =>
        Shell.RunAsync("podman", ["exec", "-e", "ASPNETCORE_ENVIRONMENT=Production", $"{_project}_identity-1_1", "/app/HelpdeskIdentity.Api", .. arguments],
            _environment, null, Repository.Root);

    public async ValueTask DisposeAsync()
    {
        if (_environment.ContainsKey("DOCKER_HOST"))
        {
            await ComposeAsync("down", "-v");
        }
    }

    private async Task<bool> BothReplicasReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync($"{Origin}/health/ready");
            if (response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues("X-Served-By", out var replica))
            {
                _readyReplicas.UnionWith(replica);
            }

            return _readyReplicas.Count == 2;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private Task<string> ComposeAsync(params string[] arguments) =>
        RunAsync("podman-compose", ["-p", _project, "-f", Path.Combine(Repository.Root, "deploy", "compose.yaml"), .. arguments]);

    private async Task<string> RunAsync(string program, params string[] arguments)
    {
        var result = await Shell.RunAsync(program, arguments, _environment, null, Repository.Root, TimeSpan.FromMinutes(15));
        result.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}:\n{result.Output}");
        return result.Output;
    }

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
}
