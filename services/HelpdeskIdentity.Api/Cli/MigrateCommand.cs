using HelpdeskIdentity.Api.Data.Migrations;
using Npgsql;

namespace HelpdeskIdentity.Api.Cli;

/// <summary>
/// <c>migrate</c>: brings the schema up to date and exits, for operators who run migrations as a one-off job
/// before the replicas (which then start with <c>Database:MigrateOnStartup</c> = false). Safe beside replicas
/// that migrate themselves: every migration takes the same advisory lock.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, CliConsole console)
    {
        var connectionString = configuration.GetConnectionString("Identity");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await console.Error.WriteLineAsync("migrate: ConnectionStrings:Identity is not set (environment variable ConnectionStrings__Identity).");
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var before = await AppliedAsync(dataSource);
        await new SchemaMigrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var after = await AppliedAsync(dataSource);
        await console.Output.WriteLineAsync(
            $"Schema up to date at {SchemaMigrator.Scripts[^1].Version}: {after - before} migration(s) applied now, {after} in all.");
        return 0;
    }

    private static async Task<long> AppliedAsync(NpgsqlDataSource dataSource)
    {
        await using var exists = dataSource.CreateCommand("SELECT to_regclass('schema_migrations') IS NOT NULL");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var count = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
