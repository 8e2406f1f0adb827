using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Admin;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Data.Migrations;
using HelpdeskIdentity.Api.Oidc;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Cli;

/// <summary>
/// The service's own database and account services for a command, built but never run: no hosted
/// service starts, no port opens. The schema is brought up to date first, as the service would.
/// </summary>
internal static class CliServices
{
    public static async Task<WebApplication> BuildAsync(IConfiguration configuration)
    {
        var app = CreateBuilder(configuration).Build();
        try
        {
            if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            {
                await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            }

            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The commands' composition: the service's data and account services, logging to standard error.</summary>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        // Standard output is the command's answer: logs (warnings and worse only) go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddData();
        builder.AddAccounts();
        builder.AddAdminServices(); // the account and audit commands use the admin API's classes
        builder.AddOidcKeyRing();   // the keys commands: the signing keys, under the Data Protection ring the service shares
        return builder;
    }

    /// <summary>Runs <paramref name="command"/> in a scope of the service's services; a bad setting is exit code 2.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, CliConsole console, string commandName, Func<IServiceProvider, Task<int>> command)
    {
        try
        {
            await using var app = await BuildAsync(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            return await command(scope.ServiceProvider);
        }
        catch (OptionsValidationException ex)
        {
            await console.Error.WriteLineAsync($"{commandName}: {ex.Message}");
            return 2;
        }
    }
}
