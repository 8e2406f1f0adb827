using System.Text.Json;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc.Storage;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Cli;

internal static class ClientCommands
{
    /// <summary>Prints the registered clients as the service seeded them into OpenIddict; how many secrets, never their hashes.</summary>
    public static Task<int> ListAsync(IConfiguration configuration, CliConsole console) =>
        CliServices.RunAsync(configuration, console, "clients", async services =>
        {
            var clients = await services.GetRequiredService<HelpdeskDbContext>().Set<OidcApplication>().AsNoTracking().OrderBy(c => c.ClientId).ToListAsync();
            if (clients.Count == 0)
            {
                await console.Output.WriteLineAsync("No clients. They are seeded from Oidc:Clients when the service starts.");
            }

            foreach (var client in clients)
            {
                var permissions = List(client.Permissions);
                await console.Output.WriteLineAsync($"""
                    {client.ClientId} ({(client.ClientType == ClientTypes.Confidential ? "Confidential" : "Public")}) — {client.DisplayName}
                      grants:        {Joined(permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.GrantType.Length..]))}
                      scopes:        {Joined(permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]))}
                      redirect URIs: {Joined(List(client.RedirectUris))}
                      logout URIs:   {Joined(List(client.PostLogoutRedirectUris))}
                      requirements:  {Joined(List(client.Requirements))}
                      secrets:       {client.ClientSecret?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0}{(client.JsonWebKeySet is null ? "" : ", public keys for private_key_jwt")}
                    """);
            }

            return 0;
        });

    private static List<string> List(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static string Joined(IEnumerable<string> values) => string.Join(' ', values) is { Length: > 0 } joined ? joined : "-";
}
