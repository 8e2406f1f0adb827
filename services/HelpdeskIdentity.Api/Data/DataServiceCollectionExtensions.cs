using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data.Migrations;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>PostgreSQL: one data source, the EF context over it, the stores, and the schema at start-up.</summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString("Identity") ?? "");

        builder.Services.AddSingleton(sp =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            // Intake repeats a handful of statements thousands of times: let PostgreSQL plan them once
            // per connection, unless the connection string says otherwise.
            if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 32;
            }

            return dataSource.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build();
        });
        builder.Services.AddDbContextPool<HelpdeskDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));

        builder.Services.AddSingleton(TimeProvider.System);

        // First hosted service: the schema is in place before the bus starts consuming.
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<SchemaMigrationService>();
        builder.AddAudit(); // intake records account.created; after the migration, so its pruner finds the table
    }
}
