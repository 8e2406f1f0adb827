using System.Net.Http.Headers;
using System.Net.Http.Json;
using DotNet.Testcontainers.Containers;
using RabbitMQ.Client;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// A real RabbitMQ 3.10 node with the management plugin in a container (Testcontainers; image from
/// <see cref="TestImages"/>). Its ports stay the same when it is stopped and started again, and durable
/// queues and their messages are kept.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    // The service connects with an account of its own, as in production: Production refuses RabbitMQ's guest
    // account (decision 0032). guest stays the management API's (administrator) account here.
    private const string ServiceUser = "helpdesk";
    private const string ServicePassword = "helpdesk-test-broker";

    private readonly IContainer _container;
    private readonly HttpClient _management;

    private RabbitMqServer(IContainer container, int port, int managementPort)
    {
        _container = container;
        Port = port;
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/api/") };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
    }

    public int Port { get; }

    public static async Task<RabbitMqServer> StartAsync()
    {
        var port = FreePorts.Find(20000, 29999);
        var managementPort = FreePorts.Find(10000, 17999);
        var container = TestImages.Builder(TestImages.RabbitMq, (port, 5672), (managementPort, 15672)).Build();
        var server = new RabbitMqServer(container, port, managementPort);
        await TestImages.StartNewAsync(container);
        await server.ReadyAsync();
        return server;
    }

    public string Url(string virtualHost) => $"amqp://{ServiceUser}:{ServicePassword}@127.0.0.1:{Port}/{Uri.EscapeDataString(virtualHost)}";

    /// <summary>A new virtual host (through the management API), so a test's queues and exchanges are its own; returns its URL.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        var path = Uri.EscapeDataString(name);
        (await _management.PutAsJsonAsync($"vhosts/{path}", new { })).EnsureSuccessStatusCode();
        await GrantAsync(path);
        return Url(name);
    }

    /// <summary>Stops the container (the node shuts down); its data stays in the container.</summary>
    public Task StopAsync() => _container.StopAsync();

    /// <summary>Starts the stopped container again, on the same ports, and waits until AMQP and the management API answer.</summary>
    public async Task StartAgainAsync()
    {
        await _container.StartAsync();
        await ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _management.Dispose();
        await _container.DisposeAsync();
    }

    private async Task GrantAsync(string escapedVirtualHost) =>
        (await _management.PutAsJsonAsync($"permissions/{escapedVirtualHost}/{ServiceUser}", new { configure = ".*", write = ".*", read = ".*" }))
            .EnsureSuccessStatusCode();

    private Task ReadyAsync() => TestImages.ReadyAsync(async () =>
    {
        (await _management.GetAsync("overview")).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync($"users/{ServiceUser}", new { password = ServicePassword, tags = "" })).EnsureSuccessStatusCode();
        await GrantAsync("%2F");
        var factory = new ConnectionFactory { Uri = new Uri(Url("/")), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = await factory.CreateConnectionAsync();
    }, "RabbitMQ", TimeSpan.FromSeconds(90));
}
