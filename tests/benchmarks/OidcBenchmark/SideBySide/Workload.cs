using System.Text;

namespace OidcBenchmark.SideBySide;

/// <summary>One request, repeated by wrk against each provider: where it goes, and the wrk Lua that shapes it.</summary>
internal sealed record Workload(string Name, string Request, Func<OpenIdProvider, Uri> Url, string RequestLua, double TargetRatio)
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
            new("discovery", "GET discovery document", p => p.Discovery, "", 5),
            new("JWKS", "GET jwks_uri", p => p.Jwks, "", 5),
            new("client_credentials", $"POST token_endpoint, client_secret_basic, scope {scope}", p => p.TokenEndpoint, tokenRequest, 2),
        ];
    }
}
