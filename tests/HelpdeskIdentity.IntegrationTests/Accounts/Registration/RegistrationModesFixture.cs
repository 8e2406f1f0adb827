using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>One service per registration mode (closed, known-domains, open), each on its own database and mailbox.</summary>
public sealed class RegistrationModesFixture(LocalServers servers) : IAsyncLifetime
{
    public static readonly string[] Modes = ["closed", "known-domains", "open"];

    private readonly Dictionary<string, IdentityHost> _hosts = [];

    public IdentityHost this[string mode] => _hosts[mode];

    public async ValueTask InitializeAsync()
    {
        var started = await Task.WhenAll(Modes.Select(async mode =>
            (mode, host: await new IdentityHost(await servers.NewEnvironmentAsync("registration_" + mode.Replace('-', '_')), Registering.Settings(mode)).StartAsync())));
        foreach (var (mode, host) in started)
        {
            _hosts[mode] = host;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }
    }
}
