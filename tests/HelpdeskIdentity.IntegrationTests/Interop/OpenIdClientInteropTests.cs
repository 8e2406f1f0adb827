using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.Oidc.Clients;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Interop;

/// <summary>
/// npm's openid-client — a relying party we did not write — against the real service binary:
/// discovery, code + PKCE through the sign-in form, ID token validation, userinfo, refresh,
/// revocation, client credentials, introspection, logout; pushed authorization requests, max_age=0 (also pushed),
/// private_key_jwt, amr and acr (Interop/relying-party/check.mjs).
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

        var (exitCode, output) = await Shell.RunAsync("node", ["check.mjs"], new Dictionary<string, string>
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
        }, null, RelyingParty);

        exitCode.ShouldBe(0, output);
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        result.GetProperty("ok").GetBoolean().ShouldBeTrue();
        result.GetProperty("email").GetString().ShouldBe(email);
        result.GetProperty("logout").GetString().ShouldBe("http://127.0.0.1:5173/");
        result.GetProperty("privateKeyJwt").GetBoolean().ShouldBeTrue();
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
