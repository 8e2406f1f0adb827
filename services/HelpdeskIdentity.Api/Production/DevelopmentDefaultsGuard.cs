using System.Net;

namespace HelpdeskIdentity.Api.Production;

/// <summary>
/// What a Production configuration must not hold because it only makes sense on a developer's machine
/// (docs/decisions/0032-production-guard.md): the issuer over plain HTTP or on loopback, a browser client
/// served from loopback (CORS origins or post-logout addresses on 127.0.0.1/localhost, as the demo portal's),
/// and RabbitMQ's well-known guest account. Loopback redirect URIs alone stay allowed: native apps use
/// them in production (RFC 8252, section 7.3).
/// </summary>
public static class DevelopmentDefaultsGuard
{
    /// <summary>One sentence per development default found, naming its configuration key; empty when none.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var problems = new List<string>();
        if (Uri.TryCreate(configuration["Oidc:Issuer"], UriKind.Absolute, out var issuer) && (issuer.Scheme != Uri.UriSchemeHttps || IsLoopback(issuer)))
        {
            problems.Add($"Oidc:Issuer '{issuer}' is a development address: production issues tokens under an https origin that is not loopback.");
        }

        foreach (var client in configuration.GetSection("Oidc:Clients").GetChildren())
        {
            var name = client["ClientId"] ?? client.Key;
            foreach (var list in new[] { "AllowedCorsOrigins", "PostLogoutRedirectUris" })
            {
                foreach (var entry in client.GetSection(list).GetChildren())
                {
                    if (Uri.TryCreate(entry.Value, UriKind.Absolute, out var uri) && IsLoopback(uri))
                    {
                        problems.Add($"Oidc:Clients:{client.Key}:{list}:{entry.Key} '{uri}' makes client '{name}' a development client (a browser app on this machine).");
                    }
                }
            }
        }

        if (Uri.TryCreate(configuration["RabbitMq:Url"], UriKind.Absolute, out var broker)
            && Uri.UnescapeDataString(broker.UserInfo) is "guest:guest" or "guest")
        {
            problems.Add("RabbitMq:Url uses RabbitMQ's development account guest/guest.");
        }

        return problems;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
