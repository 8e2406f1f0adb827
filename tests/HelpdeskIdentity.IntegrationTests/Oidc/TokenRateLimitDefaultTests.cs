using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Oidc;

/// <summary>By default the token endpoint is not rate limited: load from one address (benchmarks) is never refused.</summary>
public sealed class TokenRateLimitDefaultTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    [Fact]
    public async Task TokenEndpoint_ByDefault_ManyRequestsFromOneClientIp_AllIssued()
    {
        var client = new ProtocolClient(fixture.Host.CreateClient());

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.PostFormAsync("/connect/token",
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "identity.admin" },
            (TestClients.BackendId, TestClients.BackendSecret))));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
