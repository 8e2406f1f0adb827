using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.Api.Data.Migrations;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Data;

/// <summary><c>migrate</c> as a one-off job: an empty database gets every script, a second run none, and the service's tables exist.</summary>
public sealed class MigrateCommandTests(LocalServers servers)
{
    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryScript_AndASecondRunNothing()
    {
        var database = await servers.Postgres.CreateDatabaseAsync("migrate_job");

        var (first, firstOutput) = await MigrateAsync(database);
        var (second, secondOutput) = await MigrateAsync(database);

        first.ShouldBe(0, firstOutput);
        firstOutput.ShouldContain($"{SchemaMigrator.Scripts.Count} migration(s) applied now");
        second.ShouldBe(0, secondOutput);
        secondOutput.ShouldContain("0 migration(s) applied now");
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM users");
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(0L);
    }

    [Fact]
    public async Task Migrate_WithoutAConnectionString_ExitsTwoNamingTheSetting()
    {
        var (exitCode, output) = await MigrateAsync(null);

        exitCode.ShouldBe(2);
        output.ShouldContain("ConnectionStrings:Identity");
    }

    private static async Task<(int ExitCode, string Output)> MigrateAsync(string? connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = connectionString,
        }).Build();
        using var output = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["migrate"], configuration, new CliConsole(new StringReader(""), output, output));
        return (exitCode, output.ToString());
    }
}
