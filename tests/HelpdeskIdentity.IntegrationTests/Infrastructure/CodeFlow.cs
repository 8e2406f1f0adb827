using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// Walks a browser through the authorization code flow as the portal would: authorize (with PKCE,
/// state and nonce), sign in on the login page when sent there, and land on the redirect URI.
/// </summary>
public sealed class CodeFlow(BrowserClient browser, string redirectUri = TestClients.PortalRedirectUri)
{
    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string State { get; } = Guid.NewGuid().ToString("N");

    public string Nonce { get; } = Guid.NewGuid().ToString("N");

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string AuthorizeUrl(string scope = "openid profile email offline_access", params (string Key, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = TestClients.PortalId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = State,
            ["nonce"] = Nonce,
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", parameters.Where(p => p.Value is not null));
    }

    /// <summary>From authorize to the client's redirect URI, signing in if asked; returns the callback's query.</summary>
    public async Task<Dictionary<string, string>> RunAsync(string email, string password, string? authorizeUrl = null)
    {
        var response = await browser.GetAsync(authorizeUrl ?? AuthorizeUrl());
        if (Location(response).StartsWith("/account/login", StringComparison.Ordinal))
        {
            response = await browser.SubmitFormAsync(Location(response), new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            response = await browser.GetAsync(Location(response));
        }

        return Callback(response);
    }

    /// <summary>The parameters of a redirect to the portal's callback.</summary>
    public static Dictionary<string, string> Callback(HttpResponseMessage response)
    {
        var location = Location(response);
        location.ShouldStartWith(TestClients.PortalRedirectUri + "?");
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public static string Location(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        return response.Headers.Location!.OriginalString;
    }

    public Task<HttpResponseMessage> RedeemAsync(ProtocolClient client, string code, string? verifier = null, string redirectUri = TestClients.PortalRedirectUri) =>
        client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier ?? Verifier,
            ["client_id"] = TestClients.PortalId,
        });
}
