using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

public sealed class DiscoveryAndKeysTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_AnyHostHeader_NamesTheConfiguredIssuerAndItsEndpoints()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ProtocolClient.JsonAsync(response);
        document.GetProperty("issuer").GetString().ShouldBe(IdentityHost.Issuer);
        document.GetProperty("jwks_uri").GetString().ShouldBe(IdentityHost.Issuer + ".well-known/jwks.json");
        document.GetProperty("token_endpoint").GetString().ShouldBe(IdentityHost.Issuer + "connect/token");
        document.GetProperty("introspection_endpoint").GetString().ShouldBe(IdentityHost.Issuer + "connect/introspect");
        document.GetProperty("revocation_endpoint").GetString().ShouldBe(IdentityHost.Issuer + "connect/revoke");
        document.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).ShouldContain("helpdesk.api");
        document.GetProperty("pushed_authorization_request_endpoint").GetString().ShouldBe(IdentityHost.Issuer + "connect/par");
        document.GetProperty("acr_values_supported").EnumerateArray().Select(s => s.GetString())
            .ShouldBe(["urn:helpdesk-identity:acr:1fa", "urn:helpdesk-identity:acr:mfa"]);
        document.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(s => s.GetString()).ShouldContain("private_key_jwt");
        document.GetProperty("authorization_response_iss_parameter_supported").GetBoolean().ShouldBeTrue();
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Jwks_PublishesOnlyPublicRsaKeysWithKeyIds()
    {
        using var client = fixture.Host.CreateClient();

        var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancellation)).RootElement;

        var key = jwks.GetProperty("keys").EnumerateArray().ShouldHaveSingleItem();
        key.GetProperty("kty").GetString().ShouldBe("RSA");
        key.GetProperty("alg").GetString().ShouldBe("RS256");
        key.GetProperty("use").GetString().ShouldBe("sig");
        key.GetProperty("kid").GetString().ShouldNotBeNullOrEmpty();
        Convert.FromBase64String(Base64(key.GetProperty("n").GetString()!)).Length.ShouldBe(256, "a 2048-bit modulus");
        foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            key.TryGetProperty(privatePart, out _).ShouldBeFalse($"the private parameter {privatePart} must never be published");
        }
    }

    [Fact]
    public async Task SigningKeys_AtRest_AreEncryptedAndTheKeyRingIsInTheDatabase()
    {
        using var client = fixture.Host.CreateClient();
        await client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancellation);

        var stored = await fixture.Host.QueryAsync(db => db.SigningKeys.AsNoTracking().ToListAsync(Cancellation));
        var ring = await fixture.Host.QueryAsync(db => db.DataProtectionKeys.CountAsync(Cancellation));

        var key = stored.ShouldHaveSingleItem();
        using var rsa = RSA.Create();
        Should.Throw<CryptographicException>(() => rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.ProtectedPrivateKey), out _),
            "the stored private key is not a usable PKCS#8 key without Data Protection");
        ring.ShouldBeGreaterThan(0);
    }

    private static string Base64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
