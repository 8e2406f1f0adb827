using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>
/// The service with the test clients, sessions checked on every request, lifted rate limits and a short lockout
/// (as the self-service tests), and an admin client: <c>helpdesk-backend</c> with the <c>identity.admin</c> scope.
/// </summary>
public sealed class AdminFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const string Password = SelfServiceFixture.OldPassword;

    private string? _adminToken;

    protected override IDictionary<string, string?> Settings => SelfServiceFixture.Configure(TestClients.Settings());

    public ProtocolClient Protocol => new(Host.CreateClient());

    /// <summary>A client-credentials token of the admin client, for identity.admin.</summary>
    public async Task<string> AdminTokenAsync() =>
        _adminToken ??= await Protocol.ClientCredentialsTokenAsync(TestClients.BackendId, TestClients.BackendSecret, "identity.admin");

    /// <summary>A portal user's access token (code flow with PKCE) for the account with this address and password.</summary>
    public async Task<string> UserTokenAsync(string email, string password = Password)
    {
        using var browser = new BrowserClient(Host);
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, password);
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(Protocol, callback["code"]));
        return tokens.GetProperty("access_token").GetString()!;
    }

    /// <summary>Calls the admin API with the given bearer token (none when null).</summary>
    public async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Host.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Calls the admin API as the admin client.</summary>
    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null) =>
        await CallAsync(method, path, await AdminTokenAsync(), body);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
