using System.Text;

namespace OidcBenchmark.SideBySide;

/// <summary>
/// One request, repeated by wrk against each provider: where it goes, the wrk Lua that shapes it, and whether a bare
/// Kestrel answering the same bytes (<see cref="KestrelCeiling"/>) is measured beside it.
/// </summary>
internal sealed record Workload(string Name, string Request, Func<OpenIdProvider, Uri> Url, string RequestLua, double TargetRatio, bool HasCeiling = false)
{
    public static IReadOnlyList<Workload> All(string clientId, string clientSecret, string scope)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}"));
        var tokenRequest = $"""
            wrk.method = "POST"
            wrk.body = "grant_type=client_credentials&scope={Uri.EscapeDataString(scope)}"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            wrk.headers["Authorization"] = "Basic {basic}"
            """;
        return
        [
            new("discovery", "GET discovery document", p => p.Discovery, "", 5, HasCeiling: true),
            new("JWKS", "GET jwks_uri", p => p.Jwks, "", 5, HasCeiling: true),
            new("client_credentials", $"POST token_endpoint, client_secret_basic, scope {scope}", p => p.TokenEndpoint, tokenRequest, 2),
        ];
    }
}
