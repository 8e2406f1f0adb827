using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

public sealed class ClientCredentialsTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly ProtocolClient _client = new(fixture.Host.CreateClient());

    [Fact]
    public async Task ClientCredentials_SecretBasic_IssuesAnRfc9068AccessTokenSignedByAPublishedKey()
    {
        var response = await _client.PostFormAsync("/connect/token",
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "identity.admin" },
            (TestClients.BackendId, TestClients.BackendSecret));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var body = await ProtocolClient.JsonAsync(response);
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("expires_in").GetInt32().ShouldBeInRange(599, 600); // OpenIddict counts the seconds left, rounded down
        body.TryGetProperty("scope", out var scope).ShouldBe(false, $"RFC 6749 §5.1: scope is left out when it is what was asked ({scope})");

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        token.Typ.ShouldBe("at+jwt");
        token.Alg.ShouldBe("RS256");
        token.Issuer.ShouldBe(IdentityHost.Issuer);
        token.Subject.ShouldBe(TestClients.BackendId);
        token.Audiences.ShouldBe(["urn:helpdesk-identity:admin"]);
        token.GetClaim("client_id").Value.ShouldBe(TestClients.BackendId);
        token.GetClaim("scope").Value.ShouldBe("identity.admin");
        token.Id.ShouldNotBeNullOrEmpty();
        (token.ValidTo - token.IssuedAt).ShouldBe(TimeSpan.FromMinutes(10));

        var jwks = new JsonWebKeySet(await _client.Http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancellation));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidIssuer = IdentityHost.Issuer,
            ValidAudience = "urn:helpdesk-identity:admin",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });
        validation.IsValid.ShouldBeTrue(validation.Exception?.Message);
    }

    [Fact]
    public async Task ClientCredentials_SecretPostWithoutScope_GetsEveryAllowedApiScopeAndBothAudiences()
    {
        var response = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TestClients.BackendId,
            ["client_secret"] = TestClients.BackendSecret,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = new JsonWebToken((await ProtocolClient.JsonAsync(response)).GetProperty("access_token").GetString());
        token.GetClaim("scope").Value.ShouldBe("identity.admin helpdesk.api");
        token.Audiences.ShouldBe(["urn:helpdesk-identity:admin", "helpdesk-api"], ignoreOrder: true);
    }

    [Fact]
    public async Task ResourceIndicator_NarrowsTheTokenToThatApi_AndAnUnknownResourceIsInvalidTarget()
    {
        var narrowed = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "identity.admin helpdesk.api",
            ["resource"] = "urn:helpdesk-identity:admin",
        }, (TestClients.BackendId, TestClients.BackendSecret));
        var unknown = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "identity.admin",
            ["resource"] = "https://elsewhere.example/api",
        }, (TestClients.BackendId, TestClients.BackendSecret));

        var anotherClientsApi = await _client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "identity.admin",
            ["resource"] = TestClients.ReportsResource,
        }, (TestClients.BackendId, TestClients.BackendSecret));

        narrowed.StatusCode.ShouldBe(HttpStatusCode.OK, await narrowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var narrowedAnswer = await ProtocolClient.JsonAsync(narrowed);
        var narrowedToken = new JsonWebToken(narrowedAnswer.GetProperty("access_token").GetString());
        narrowedToken.Audiences.ShouldBe(["urn:helpdesk-identity:admin"]);
        narrowedToken.GetClaim("scope").Value.ShouldBe("identity.admin", "helpdesk.api is another API's scope: not in a token for the admin API");
        narrowedAnswer.GetProperty("scope").GetString().ShouldBe("identity.admin", "RFC 6749 §5.1: the answer says the scope differs from the one asked");
        foreach (var refused in new[] { unknown, anotherClientsApi })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ProtocolClient.JsonAsync(refused)).GetProperty("error").GetString().ShouldBe("invalid_target", "RFC 8707 §2: a resource the client may not have");
        }
    }

    [Theory]
    [InlineData("scope", "identity.admin", "not-a-scope")]
    [InlineData("scope", "identity.admin", "identity.admin")]
    public async Task ClientCredentials_WithARepeatedParameter_IsInvalidRequest_NotATokenAsIfItWereAbsent(string name, string first, string second)
    {
        // RFC 6749 §3.1: a parameter must not be sent twice. OpenIddict reads a repeated one as absent, so
        // scope=identity.admin&scope=not-a-scope got the client's every scope where scope=not-a-scope alone is invalid_scope.
        var body = new[] { KeyValuePair.Create("grant_type", "client_credentials"), KeyValuePair.Create(name, first), KeyValuePair.Create(name, second) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestClients.BackendId}:{Uri.EscapeDataString(TestClients.BackendSecret)}")));

        using var response = await _client.Http.SendAsync(request, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Cancellation));
        var error = await ProtocolClient.JsonAsync(response);
        error.GetProperty("error").GetString().ShouldBe("invalid_request");
        error.GetProperty("error_description").GetString().ShouldBe($"The parameter '{name}' appears more than once.");
    }

    public static TheoryData<string, Dictionary<string, string>, (string, string)?, HttpStatusCode, string> Refusals => new()
    {
        { "wrong secret", Form(), (TestClients.BackendId, "wrong"), HttpStatusCode.Unauthorized, "invalid_client" },
        { "unknown client", Form(), ("nobody", TestClients.BackendSecret), HttpStatusCode.Unauthorized, "invalid_client" },
        { "no client authentication", Form(), null, HttpStatusCode.BadRequest, "invalid_request" }, // OpenIddict: no credentials is a missing parameter (RFC 6749 §5.2)
        { "secret of another client", Form(), (TestClients.BackendId, TestClients.OtherBackendSecret), HttpStatusCode.Unauthorized, "invalid_client" },
        { "two authentication methods", Form(("client_secret", TestClients.BackendSecret)), (TestClients.BackendId, TestClients.BackendSecret), HttpStatusCode.BadRequest, "invalid_request" },
        { "public client", Form(("client_id", TestClients.PortalId)), null, HttpStatusCode.BadRequest, "invalid_request" }, // OpenIddict: a public client has no secret to send
        { "no grant type", new Dictionary<string, string>(), (TestClients.BackendId, TestClients.BackendSecret), HttpStatusCode.BadRequest, "invalid_request" },
        { "password grant", new() { ["grant_type"] = "password", ["username"] = "a", ["password"] = "b" }, (TestClients.BackendId, TestClients.BackendSecret), HttpStatusCode.BadRequest, "unsupported_grant_type" },
        { "scope not allowed", Form(("scope", "identity.admin everything")), (TestClients.BackendId, TestClients.BackendSecret), HttpStatusCode.BadRequest, "invalid_scope" },
        { "another client's scope", Form(("scope", "identity.admin")), (TestClients.OtherBackendId, TestClients.OtherBackendSecret), HttpStatusCode.BadRequest, "invalid_request" }, // OpenIddict: a scope the client has no permission for
        { "identity scope without a user", Form(("scope", "openid")), (TestClients.BackendId, TestClients.BackendSecret), HttpStatusCode.BadRequest, "invalid_scope" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task TokenEndpoint_BadRequest_IsRefusedWithTheRfcErrorCode(string why, Dictionary<string, string> form, (string, string)? basic, HttpStatusCode status, string error)
    {
        var response = await _client.PostFormAsync("/connect/token", form, basic);

        response.StatusCode.ShouldBe(status, why);
        (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe(error, why);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        if (status == HttpStatusCode.Unauthorized && basic is not null)
        {
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Basic");
        }
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_IsLoggedAsAWarning_WithoutTheSecret()
    {
        const string wrong = "a wrong secret that must never reach a log";

        var response = await _client.PostFormAsync("/connect/token", Form(), (TestClients.BackendId, wrong));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var entries = fixture.Host.Logs.Entries;
        entries.ShouldContain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.StartsWith("Client authentication failed at the Token endpoint for client " + TestClients.BackendId, StringComparison.Ordinal));
        entries.ShouldNotContain(e => e.Message.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenEndpoint_JsonBodyOrRepeatedParameter_IsInvalidRequest()
    {
        var json = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"),
        };
        json.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestClients.BackendId}:{TestClients.BackendSecret}")));
        var repeated = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new StringContent("grant_type=client_credentials&grant_type=client_credentials", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        repeated.Headers.Authorization = json.Headers.Authorization;

        foreach (var request in new[] { json, repeated })
        {
            var response = await _client.Http.SendAsync(request, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ProtocolClient.JsonAsync(response)).GetProperty("error").GetString().ShouldBe("invalid_request");
        }
    }

    [Fact]
    public async Task Introspection_OfAValidToken_DescribesIt_AndRefusesPublicClients()
    {
        var token = await _client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret, "helpdesk.api");

        var described = await _client.IntrospectAsync(token, TestClients.BackendId, TestClients.BackendSecret);
        var byPublicClient = await _client.PostFormAsync("/connect/introspect",
            new Dictionary<string, string> { ["token"] = token, ["client_id"] = TestClients.PortalId });

        described.GetProperty("active").GetBoolean().ShouldBeTrue();
        described.GetProperty("client_id").GetString().ShouldBe(TestClients.BackendId);
        described.TryGetProperty("scope", out _).ShouldBe(false, "OpenIddict tells the token's own client only metadata; its audience would see the scope");
        (described.GetProperty("aud") is { ValueKind: JsonValueKind.Array } audiences ? audiences.EnumerateArray().Select(a => a.GetString()).ToArray() : [described.GetProperty("aud").GetString()])
            .ShouldBe(["helpdesk-api"]);
        described.GetProperty("iss").GetString().ShouldBe(IdentityHost.Issuer);
        described.GetProperty("token_usage").GetString().ShouldBe("access_token");
        byPublicClient.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(byPublicClient)).GetProperty("error").GetString().ShouldBe("unauthorized_client", "OpenIddict: a public client has no introspection permission");
    }

    [Fact]
    public async Task Introspection_OfGarbageOrAForgedToken_IsInactive()
    {
        var genuine = await _client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret);
        var parts = genuine.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        claims["scope"] = JsonSerializer.SerializeToElement("identity.admin helpdesk.api everything");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.{parts[2]}";
        using var foreignKey = System.Security.Cryptography.RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = IdentityHost.Issuer,
            Claims = new Dictionary<string, object> { ["client_id"] = TestClients.BackendId, ["scope"] = "identity.admin", ["sub"] = TestClients.BackendId },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreignKey) { KeyId = new JsonWebToken(genuine).Kid }, SecurityAlgorithms.RsaSha256),
        });

        foreach (var token in new[] { "not-a-token", tampered, forged })
        {
            (await _client.IntrospectAsync(token)).GetProperty("active").GetBoolean().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Revocation_OfASelfContainedAccessToken_IsUnsupportedTokenType_AndGarbageIsAQuiet200()
    {
        var mine = await _client.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret);

        var revokeMine = await _client.PostFormAsync("/connect/revoke", new Dictionary<string, string> { ["token"] = mine, ["token_type_hint"] = "access_token" },
            (TestClients.BackendId, TestClients.BackendSecret));
        var revokeGarbage = await _client.PostFormAsync("/connect/revoke", new Dictionary<string, string> { ["token"] = "garbage" },
            (TestClients.BackendId, TestClients.BackendSecret));

        // RFC 7009 §2.2.1: access tokens are JWTs that APIs check offline, so revoking one could not reach them; the
        // provider says so instead of pretending (docs/decisions/0021). They expire within Oidc:AccessTokenLifetime.
        revokeMine.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(revokeMine)).GetProperty("error").GetString().ShouldBe("unsupported_token_type");
        revokeGarbage.StatusCode.ShouldBe(HttpStatusCode.OK, "RFC 7009 §2.2: an invalid token is no error");
    }

    private static Dictionary<string, string> Form(params (string Key, string Value)[] extra)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        foreach (var (key, value) in extra)
        {
            form[key] = value;
        }

        return form;
    }
}
