namespace HelpdeskIdentity.TestSupport;

/// <summary>A real RabbitMQ node in a temporary folder, started by deploy/local/rabbitmq.sh.</summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private readonly string _directory;

    private RabbitMqServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<RabbitMqServer> StartAsync()
    {
        // The node also listens on Port + 20000 (distribution) and its epmd on Port - 10000.
        var server = new RabbitMqServer(Directory.CreateTempSubdirectory("hdid-rmq-").FullName, FreePorts.Find(20000, 29999, 20000, -10000));
        await server.StartAgainAsync();
        return server;
    }

    public string Url(string virtualHost) => $"amqp://guest:guest@127.0.0.1:{Port}/{Uri.EscapeDataString(virtualHost)}";

    /// <summary>A new virtual host, so a test's queues and exchanges are its own; returns its URL.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await Ctl("add_vhost", name);
        await Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return Url(name);
    }

    public Task StopAsync() => Shell.RunAsync(Repository.Script("rabbitmq.sh"), "stop", _directory);

    public Task StartAgainAsync() => Shell.RunAsync(Repository.Script("rabbitmq.sh"), "start", _directory, Port.ToString());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<string> Ctl(params string[] arguments) =>
        Shell.RunAsync(Repository.Script("rabbitmq.sh"), ["ctl", _directory, .. arguments]);
}
