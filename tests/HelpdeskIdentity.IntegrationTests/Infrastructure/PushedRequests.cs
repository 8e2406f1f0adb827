using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>RFC 9126 as a client does it: push a flow's parameters to <c>/connect/par</c>, then open the authorize URL with only <c>client_id</c> and <c>request_uri</c>.</summary>
public static class PushedRequests
{
    /// <summary>Pushes the flow's parameters (with <paramref name="extra"/>) and returns the authorize URL the browser then opens.</summary>
    public static async Task<string> PushAsync(ProtocolClient client, CodeFlow flow, string clientId, params (string Key, string Value)[] extra)
    {
        var form = Parameters(flow, clientId);
        foreach (var (key, value) in extra)
        {
            form[key] = value;
        }

        var response = await client.PostFormAsync("/connect/par", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var requestUri = (await ProtocolClient.JsonAsync(response)).GetProperty("request_uri").GetString()!;
        return QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?> { ["client_id"] = clientId, ["request_uri"] = requestUri });
    }

    /// <summary>The flow's authorization parameters as the client would push them.</summary>
    public static Dictionary<string, string> Parameters(CodeFlow flow, string clientId) =>
        QueryHelpers.ParseQuery(new Uri("http://x" + flow.AuthorizeUrl(scope: clientId == TestClients.PortalId ? "openid profile email offline_access" : "openid")).Query)
            .ToDictionary(p => p.Key, p => p.Key == "client_id" ? clientId : p.Value.ToString());
}
