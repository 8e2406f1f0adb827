using System.Diagnostics;
using HelpdeskIdentity.TestSupport;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>The demo portal (services/portal-demo/server.mjs) in a node process, on the origin its client is registered for.</summary>
public sealed class PortalServer : IAsyncDisposable
{
    public static readonly string Folder = Path.Combine(Repository.Root, "services", "portal-demo");

    private readonly BackgroundProcess _process;

    private PortalServer(BackgroundProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<PortalServer> StartAsync(string issuer, string clientId, string url)
    {
        await NodePackages.EnsureInstalledAsync(Folder, "oidc-client-ts");
        var start = new ProcessStartInfo("node", Path.Combine(Folder, "server.mjs")) { WorkingDirectory = Folder };
        start.Environment["ISSUER"] = issuer;
        start.Environment["PORTAL_CLIENT_ID"] = clientId;
        start.Environment["PORTAL_URL"] = url;
        start.Environment["LISTEN_HOST"] = "127.0.0.1"; // "localhost" may resolve to ::1 first in node; the browser tries both
        var process = await BackgroundProcess.StartAsync(start, new Uri(url + "/health"), "the demo portal", TimeSpan.FromSeconds(30));
        return new PortalServer(process, url);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
