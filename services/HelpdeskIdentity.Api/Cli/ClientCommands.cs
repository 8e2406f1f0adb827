using HelpdeskIdentity.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Cli;

internal static class ClientCommands
{
    /// <summary>Prints the registered clients as the service seeded them; how many secrets, never their hashes.</summary>
    public static Task<int> ListAsync(IConfiguration configuration, CliConsole console) =>
        CliServices.RunAsync(configuration, console, "clients", async services =>
        {
            var clients = await services.GetRequiredService<HelpdeskDbContext>().Clients.AsNoTracking().OrderBy(c => c.ClientId).ToListAsync();
            if (clients.Count == 0)
            {
                await console.Output.WriteLineAsync("No clients. They are seeded from Oidc:Clients when the service starts.");
            }

            foreach (var client in clients)
            {
                await console.Output.WriteLineAsync($"""
                    {client.ClientId} ({client.ClientType}) — {client.DisplayName}
                      grants:        {string.Join(' ', client.AllowedGrantTypes)}
                      scopes:        {string.Join(' ', client.AllowedScopes)}
                      redirect URIs: {Joined(client.RedirectUris)}
                      logout URIs:   {Joined(client.PostLogoutRedirectUris)}
                      CORS origins:  {Joined(client.AllowedCorsOrigins)}
                      secrets:       {client.SecretHashes.Count}
                    """);
            }

            return 0;
        });

    private static string Joined(List<string> values) => values.Count == 0 ? "-" : string.Join(' ', values);
}
