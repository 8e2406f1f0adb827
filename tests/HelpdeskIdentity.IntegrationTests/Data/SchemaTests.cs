using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Data.Migrations;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Data;

public sealed class SchemaTests(LocalServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrationScripts_ProduceTheSchemaTheEfModelDescribes()
    {
        var migrated = await servers.Postgres.CreateDatabaseAsync("schema_scripts");
        var fromModel = await servers.Postgres.CreateDatabaseAsync("schema_model");
        await MigrateAsync(migrated);
        await using (var context = new HelpdeskDbContext(new DbContextOptionsBuilder<HelpdeskDbContext>().UseNpgsql(fromModel).Options))
        {
            await context.Database.EnsureCreatedAsync(Cancellation);
        }

        var scripts = await DescribeAsync(migrated);
        var model = await DescribeAsync(fromModel);

        scripts.Except(model).ShouldBeEmpty("in the migration scripts but not in the EF model");
        model.Except(scripts).ShouldBeEmpty("in the EF model but not in the migration scripts");
        scripts.Count.ShouldBeGreaterThan(40);
        foreach (var table in new[] { "openiddict_applications", "openiddict_authorizations", "openiddict_scopes", "openiddict_tokens" })
        {
            scripts.ShouldContain(row => row.StartsWith($"column {table}.id ", StringComparison.Ordinal), $"OpenIddict's table {table} is compared too");
        }
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_ApplyEachScriptOnce()
    {
        var database = await servers.Postgres.CreateDatabaseAsync("schema_race");

        await Task.WhenAll(MigrateAsync(database), MigrateAsync(database), MigrateAsync(database));

        var applied = await ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations");
        applied.ShouldBe(SchemaMigrator.Scripts.Count);
        (await ScalarAsync<long>(database, "SELECT count(*) FROM users")).ShouldBe(0);
    }

    [Fact]
    public async Task AppliedScriptEditedAfterwards_StopsTheMigrationWithAMessage()
    {
        var database = await servers.Postgres.CreateDatabaseAsync("schema_edit");
        await MigrateAsync(database);
        await ScalarAsync<int>(database, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = (SELECT min(version) FROM schema_migrations)");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => MigrateAsync(database));

        error.Message.ShouldContain("was changed after it was applied");
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Cancellation);
    }

    private static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(Cancellation);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Every column (type, length, nullability, default, identity), index and constraint, as text.</summary>
    private static async Task<HashSet<string>> DescribeAsync(string connectionString)
    {
        const string Catalog = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(Catalog, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
