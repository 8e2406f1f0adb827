using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Data.Migrations;

/// <summary>Brings the schema up to date before anything else starts (when Database:MigrateOnStartup is on).</summary>
internal sealed class SchemaMigrationService(SchemaMigrator migrator, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateOnStartup ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
