using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>Speaks OAuth to the in-process host the way a back-channel client does: form posts, Basic credentials.</summary>
public sealed class ProtocolClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> form, (string Id, string Secret)? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (basic is { } credentials)
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(credentials.Id)}:{Uri.EscapeDataString(credentials.Secret)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded);
        }

        return Http.SendAsync(request);
    }

    public async Task<string> ClientCredentialsTokenAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var response = await PostFormAsync("/connect/token", form, (clientId, secret));
        var body = await JsonAsync(response);
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {body}");
    }

    public async Task<JsonElement> IntrospectAsync(string token, string clientId = TestClients.BackendId, string secret = TestClients.BackendSecret)
    {
        var response = await PostFormAsync("/connect/introspect", new Dictionary<string, string> { ["token"] = token }, (clientId, secret));
        response.EnsureSuccessStatusCode();
        return await JsonAsync(response);
    }

    /// <summary>What <c>/connect/userinfo</c> answers to this access token: 200 while it is active, 401 once it is not.</summary>
    public async Task<System.Net.HttpStatusCode> UserInfoStatusAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
