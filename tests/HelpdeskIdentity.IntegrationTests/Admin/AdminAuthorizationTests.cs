using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>Who may call the admin API: every route refuses no token (401), a portal user's token and a token without the scope (403).</summary>
public sealed partial class AdminAuthorizationTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Every admin route, from the service's own endpoints (so a new route is covered without editing this test).</summary>
    private List<(HttpMethod Method, string Path)> Routes()
    {
        var id = Guid.NewGuid().ToString();
        return fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/admin/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (new HttpMethod(m), RouteParameter().Replace(e.RoutePattern.RawText!, id))))
            .ToList();
    }

    [Fact]
    public async Task EveryRoute_WithoutAToken_Is401WithABearerChallengeAndAProblem()
    {
        var routes = Routes();
        routes.Count.ShouldBeGreaterThanOrEqualTo(11);
        foreach (var (method, path) in routes)
        {
            using var response = await fixture.CallAsync(method, path, token: null);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer", $"{method} {path}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", $"{method} {path}");
            (await AdminFixture.JsonAsync(response)).GetProperty("status").GetInt32().ShouldBe(401);
        }
    }

    [Fact]
    public async Task EveryRoute_WithAPortalUsersToken_Is403InsufficientScope()
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        await fixture.CreateAccountAsync(email, AdminFixture.Password);
        var userToken = await fixture.UserTokenAsync(email);

        foreach (var (method, path) in Routes())
        {
            using var response = await fixture.CallAsync(method, path, userToken);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path}");
            response.Headers.WwwAuthenticate.ToString().ShouldContain("insufficient_scope", customMessage: $"{method} {path}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task EveryRoute_WithAClientTokenForAnotherApi_Is403()
    {
        var otherApi = await fixture.Protocol.ClientCredentialsTokenAsync(TestClients.OtherBackendId, TestClients.OtherBackendSecret, "helpdesk.api");

        foreach (var (method, path) in Routes())
        {
            using var response = await fixture.CallAsync(method, path, otherApi);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path}");
        }
    }

    [Fact]
    public async Task GarbageForgedOrTamperedTokens_Are401InvalidToken()
    {
        var genuine = await fixture.Protocol.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret, "identity.admin");
        using var foreignKey = System.Security.Cryptography.RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = IdentityHost.Issuer,
            Audience = "urn:helpdesk-identity:admin",
            Claims = new Dictionary<string, object> { ["client_id"] = TestClients.BackendId, ["scope"] = "identity.admin", ["sub"] = TestClients.BackendId },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreignKey) { KeyId = new JsonWebToken(genuine).Kid }, SecurityAlgorithms.RsaSha256),
        });
        var parts = genuine.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}x.{parts[2]}";

        // Access tokens are self-contained: an API cannot ask whether one was revoked, so the provider refuses to pretend
        // (RFC 7009 §2.2.1, docs/decisions/0021); they expire within Oidc:AccessTokenLifetime.
        (await fixture.Protocol.PostFormAsync("/connect/revoke", new Dictionary<string, string> { ["token"] = genuine },
            (TestClients.BackendId, TestClients.BackendSecret))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var token in new[] { "garbage", forged, tampered })
        {
            using var response = await fixture.CallAsync(HttpMethod.Get, "/admin/v1/audit", token);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        }

        using var accepted = await fixture.CallAsync(HttpMethod.Get, "/admin/v1/audit", genuine);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApiDocument_HasEveryRouteAndTheBearerScheme()
    {
        using var response = await fixture.CallAsync(HttpMethod.Get, "/admin/openapi/v1.json", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await AdminFixture.JsonAsync(response);
        var paths = document.GetProperty("paths");
        foreach (var endpoint in fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/admin/v1", StringComparison.Ordinal) == true))
        {
            var path = ConstraintlessParameter().Replace(endpoint.RoutePattern.RawText!.TrimEnd('/'), "{$1}");
            paths.TryGetProperty(path, out var operations).ShouldBeTrue($"{path} is in the document");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                operations.TryGetProperty(method.ToLowerInvariant(), out _).ShouldBeTrue($"{method} {path} is in the document");
            }
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        document.GetProperty("security")[0].TryGetProperty("bearer", out _).ShouldBeTrue();
        paths.EnumerateObject().ShouldAllBe(p => p.Name.StartsWith("/admin/v1/"), "only the admin API is documented");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{([^:}]+)(:[^}]+)?\}")]
    private static partial Regex ConstraintlessParameter();
}
