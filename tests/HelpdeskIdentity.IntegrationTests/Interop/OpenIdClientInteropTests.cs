using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.Oidc.Clients;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Interop;

/// <summary>
/// npm's openid-client — a relying party we did not write — against the real service binary:
/// discovery, code + PKCE through the sign-in form, ID token validation, userinfo, refresh,
/// revocation, client credentials, introspection; pushed authorization requests, max_age=0 (also pushed),
/// private_key_jwt, amr and acr; then the operator rotates the signing key in the running service (<c>keys rotate --now</c>)
/// and the relying party refreshes (new kid, JWKS fetched again) and logs out with the old key's ID token
/// (Interop/relying-party/check.mjs).
/// </summary>
public sealed class OpenIdClientInteropTests(LocalServers servers)
{
    private static readonly string RelyingParty = Path.Combine(Repository.Root, "tests", "HelpdeskIdentity.IntegrationTests", "Interop", "relying-party");

    [Fact]
    public async Task OpenIdClient_FullJourney_AcceptsEverythingTheServiceSays()
    {
        var environment = await servers.NewEnvironmentAsync("interop");
        var url = ServiceProcess.NewUrl();
        const string backendSecret = "interop-backend-secret-0123456789abcdefghijklmnop";
        using var keyClient = RSA.Create(2048);
        var settings = new Dictionary<string, string>
        {
            // Plain HTTP on loopback: Production's cookies demand HTTPS, Testing's follow the request.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            // Each instance reads the key table every second, so an operator's rotation reaches it at once.
            ["Oidc__SigningKeys__RefreshInterval"] = "00:00:01",
            ["ConnectionStrings__Identity"] = environment.ConnectionString,
            ["RabbitMq__Url"] = environment.AmqpUrl,
            ["Oidc__Issuer"] = url,
            ["Branding__SupportEmail"] = "support@helpdesk.example",
            ["Oidc__Clients__0__ClientId"] = "portal",
            ["Oidc__Clients__0__Type"] = "Public",
            ["Oidc__Clients__0__RedirectUris__0"] = "http://127.0.0.1:5173/callback",
            ["Oidc__Clients__0__PostLogoutRedirectUris__0"] = "http://127.0.0.1:5173/",
            ["Oidc__Clients__0__AllowedGrantTypes__0"] = "authorization_code",
            ["Oidc__Clients__0__AllowedGrantTypes__1"] = "refresh_token",
            ["Oidc__Clients__0__AllowedScopes__0"] = "openid",
            ["Oidc__Clients__0__AllowedScopes__1"] = "profile",
            ["Oidc__Clients__0__AllowedScopes__2"] = "email",
            ["Oidc__Clients__0__AllowedScopes__3"] = "offline_access",
            ["Oidc__Clients__0__AllowedScopes__4"] = "identity.admin", // resource indicators (RFC 8707) for the admin API
            ["Oidc__Clients__1__ClientId"] = "helpdesk-backend",
            ["Oidc__Clients__1__Type"] = "Confidential",
            ["Oidc__Clients__1__SecretHashes__0"] = ClientSecrets.Hash(backendSecret),
            ["Oidc__Clients__1__AllowedGrantTypes__0"] = "client_credentials",
            ["Oidc__Clients__1__AllowedScopes__0"] = "identity.admin",
            ["Oidc__ApiScopes__1__Name"] = "helpdesk.api",
            ["Oidc__ApiScopes__1__Audience"] = "helpdesk-api",
            ["Oidc__Clients__2__ClientId"] = "reporting-by-key",
            ["Oidc__Clients__2__Type"] = "Confidential",
            ["Oidc__Clients__2__JsonWebKeySet"] = JsonSerializer.Serialize(new { keys = new[] { PublicJwk(keyClient) } }),
            ["Oidc__Clients__2__AllowedGrantTypes__0"] = "client_credentials",
            ["Oidc__Clients__2__AllowedScopes__0"] = "helpdesk.api",
        };
        await using var service = await ServiceProcess.StartAsync(settings, url);
        var email = $"interop@{Senders.UniqueDomain()}";
        const string password = "a relying-party password, long enough";
        (await Shell.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "HelpdeskIdentity.Api.dll"), "users", "add", email, "--name", "Ines Interop"],
            settings, password + "\n", AppContext.BaseDirectory)).ExitCode.ShouldBe(0);
        await NodePackages.EnsureInstalledAsync(RelyingParty, "openid-client");

        var (exitCode, output) = await RunRelyingPartyAsync(new Dictionary<string, string>
        {
            ["ISSUER"] = url,
            ["PORTAL_CLIENT_ID"] = "portal",
            ["PORTAL_REDIRECT_URI"] = "http://127.0.0.1:5173/callback",
            ["BACKEND_CLIENT_ID"] = "helpdesk-backend",
            ["BACKEND_CLIENT_SECRET"] = backendSecret,
            ["EMAIL"] = email,
            ["PASSWORD"] = password,
            ["KEY_CLIENT_ID"] = "reporting-by-key",
            ["KEY_CLIENT_JWK"] = JsonSerializer.Serialize(PrivateJwk(keyClient)),
        }, request => RotateAsync(settings, url, request.GetProperty("kid").GetString()!));

        exitCode.ShouldBe(0, output);
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        result.GetProperty("ok").GetBoolean().ShouldBeTrue();
        result.GetProperty("email").GetString().ShouldBe(email);
        result.GetProperty("logout").GetString().ShouldBe("http://127.0.0.1:5173/");
        result.GetProperty("privateKeyJwt").GetBoolean().ShouldBeTrue();
        var rotated = result.GetProperty("rotated");
        var keys = await Cli(settings, "keys", "list");
        keys.ShouldContain($"{rotated.GetProperty("to").GetString()}\tactive", Case.Sensitive, "the operator sees the new key signing");
        keys.ShouldContain($"{rotated.GetProperty("from").GetString()}\tretiring", Case.Sensitive, "and the old one still published");
    }

    /// <summary>
    /// The operator's immediate rotation, as <c>docs/operations.md</c> tells it: <c>keys rotate --now</c> with the
    /// service's own configuration, then the new kid in the running service's JWKS beside the old one.
    /// </summary>
    private static async Task<object> RotateAsync(Dictionary<string, string> settings, string url, string oldKid)
    {
        var newKid = (await Cli(settings, "keys", "rotate", "--now")).Split('\n')[0]; // the kid; then what it means, on standard error
        newKid.ShouldNotBe(oldKid);
        using var http = new HttpClient();
        var published = new List<string>();
        await Eventually.HoldsAsync(async () =>
        {
            var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(url + "/.well-known/jwks.json"))).RootElement;
            published = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
            return published.Contains(newKid);
        }, "the running service publishes the new key", TimeSpan.FromSeconds(30));
        published.ShouldContain(oldKid, "the replaced key stays in JWKS for the tokens it signed");
        return new { kid = newKid };
    }

    private static async Task<string> Cli(Dictionary<string, string> settings, params string[] command)
    {
        var (exitCode, output) = await Shell.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "HelpdeskIdentity.Api.dll"), .. command],
            settings, null, AppContext.BaseDirectory);
        exitCode.ShouldBe(0, output);
        return output;
    }

    /// <summary>
    /// Runs check.mjs to its end, answering each request it prints (a JSON line with <c>step</c>) with
    /// <paramref name="answer"/>'s result on its standard input; returns its exit code and everything it printed.
    /// </summary>
    private static async Task<ProcessResult> RunRelyingPartyAsync(Dictionary<string, string> environment, Func<JsonElement, Task<object>> answer)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RelyingParty, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check.mjs");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        var printed = new StringBuilder();
        try
        {
            while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                printed.AppendLine(line);
                if (line.StartsWith("{\"step\"", StringComparison.Ordinal))
                {
                    await node.StandardInput.WriteLineAsync(JsonSerializer.Serialize(await answer(JsonDocument.Parse(line).RootElement)));
                    await node.StandardInput.FlushAsync(timeout.Token);
                }
            }

            await node.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }

        return new ProcessResult(node.ExitCode, printed + await errors);
    }

    private const string KeyId = "reporting-key-1";

    private static Dictionary<string, string> PublicJwk(RSA rsa)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA", ["kid"] = KeyId, ["use"] = "sig", ["alg"] = "RS256",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    private static Dictionary<string, string> PrivateJwk(RSA rsa)
    {
        var p = rsa.ExportParameters(includePrivateParameters: true);
        var jwk = PublicJwk(rsa);
        jwk.Remove("use");
        foreach (var (name, value) in new[] { ("d", p.D), ("p", p.P), ("q", p.Q), ("dp", p.DP), ("dq", p.DQ), ("qi", p.InverseQ) })
        {
            jwk[name] = Base64UrlEncoder.Encode(value);
        }

        return jwk;
    }
}
