using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Data;

/// <summary>
/// Makes <c>oidc_clients</c> match <c>Oidc:Clients</c> at start-up: configured clients are inserted
/// or updated, others removed. Configuration is the source of truth; instances starting together
/// take turns under an advisory lock.
/// </summary>
internal sealed partial class ClientSeeder(IServiceScopeFactory scopes, IOptions<OidcOptions> options, ClientStore store, TimeProvider clock, ILogger<ClientSeeder> logger)
    : IHostedService
{
    private const long LockKey = 0x4844_4944_434C_4E54; // "HDIDCLNT"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var existing = await db.Clients.ToDictionaryAsync(c => c.ClientId, StringComparer.Ordinal, cancellationToken);
        var configured = options.Value.Clients;
        foreach (var client in configured)
        {
            if (!existing.TryGetValue(client.ClientId, out var record))
            {
                record = new ClientRecord { ClientId = client.ClientId, DisplayName = "", ClientType = "" };
                db.Clients.Add(record);
            }

            Copy(client, record);
        }

        db.Clients.RemoveRange(existing.Values.Where(r => !configured.Any(c => c.ClientId == r.ClientId)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        store.Invalidate();
        LogSeeded(configured.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Copy(OidcClient client, ClientRecord record)
    {
        record.DisplayName = client.DisplayName.Length > 0 ? client.DisplayName : client.ClientId;
        record.ClientType = client.Type.ToString();
        record.SecretHashes = [.. client.SecretHashes];
        record.RedirectUris = [.. client.RedirectUris];
        record.PostLogoutRedirectUris = [.. client.PostLogoutRedirectUris];
        record.AllowedCorsOrigins = client.AllowedCorsOrigins.Select(o => o.TrimEnd('/')).ToList();
        record.AllowedGrantTypes = [.. client.AllowedGrantTypes];
        record.AllowedScopes = [.. client.AllowedScopes];
        record.UpdatedAt = clock.GetUtcNow();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {ClientCount} OIDC client(s) from configuration")]
    private partial void LogSeeded(int clientCount);
}
