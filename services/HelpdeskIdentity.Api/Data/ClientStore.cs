using HelpdeskIdentity.Oidc.Clients;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Data;

/// <summary>Clients from <c>oidc_clients</c>, held in memory and re-read every 30 seconds (clients are few and read on every token request).</summary>
internal sealed class ClientStore(IServiceScopeFactory scopes, TimeProvider clock) : IClientStore
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<OidcClient?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).ById.GetValueOrDefault(clientId);

    public async Task<bool> IsAllowedOriginAsync(string origin, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Origins.Contains(origin);

    /// <summary>Forgets the cached clients (after seeding).</summary>
    public void Invalidate() => _snapshot = null;

    private async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() < snapshot.ValidUntil)
        {
            return snapshot;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is null || clock.GetUtcNow() >= snapshot.ValidUntil)
            {
                await using var scope = scopes.CreateAsyncScope();
                var records = await scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>().Clients.AsNoTracking().ToListAsync(cancellationToken);
                var clients = records.Select(ToClient).ToDictionary(c => c.ClientId, StringComparer.Ordinal);
                var origins = clients.Values.SelectMany(c => c.AllowedCorsOrigins).ToHashSet(StringComparer.OrdinalIgnoreCase);
                _snapshot = snapshot = new Snapshot(clients, origins, clock.GetUtcNow() + MaxAge);
            }

            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static OidcClient ToClient(ClientRecord record) => new()
    {
        ClientId = record.ClientId,
        DisplayName = record.DisplayName,
        Type = Enum.Parse<ClientType>(record.ClientType),
        SecretHashes = record.SecretHashes,
        RedirectUris = record.RedirectUris,
        PostLogoutRedirectUris = record.PostLogoutRedirectUris,
        AllowedCorsOrigins = record.AllowedCorsOrigins,
        AllowedGrantTypes = record.AllowedGrantTypes,
        AllowedScopes = record.AllowedScopes,
    };

    private sealed record Snapshot(Dictionary<string, OidcClient> ById, HashSet<string> Origins, DateTimeOffset ValidUntil);
}
