using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc.Storage;
using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace HelpdeskIdentity.Api.Oidc.Clients;

/// <summary>
/// Makes OpenIddict's applications match <c>Oidc:Clients</c> at start-up: configured clients are created or updated,
/// others deleted (with their grants). Configuration is the source of truth; instances starting together take turns
/// under an advisory lock.
/// </summary>
internal sealed partial class ApplicationSeeder(IServiceScopeFactory scopes, IOptions<OidcOptions> options, ILogger<ApplicationSeeder> logger) : IHostedService
{
    private const long LockKey = 0x4844_4944_434C_4E54; // "HDIDCLNT"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var configured = options.Value.Clients;
        // The rows as this transaction's context tracks them (not the process-wide cache's copies), so the manager's
        // own lookups while updating resolve to the same instances.
        var stored = await db.Set<OidcApplication>().ToDictionaryAsync(a => a.ClientId!, StringComparer.Ordinal, cancellationToken);
        foreach (var client in configured)
        {
            var descriptor = ClientDescriptors.For(client, options.Value);
            if (stored.GetValueOrDefault(client.ClientId) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
        }

        var removed = stored.Values.Where(a => !configured.Any(c => c.ClientId == a.ClientId)).ToList();
        foreach (var application in removed)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogSeeded(configured.Count, removed.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {ClientCount} OIDC client(s) from configuration, removed {RemovedCount}")]
    private partial void LogSeeded(int clientCount, int removedCount);
}
