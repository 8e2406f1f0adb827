using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace OidcBenchmark;

/// <summary>
/// The portal's sign-in, as a browser walks it: authorize (PKCE S256, state, nonce) → the sign-in page →
/// post the form → authorize again → the redirect URI with a code; then the code is redeemed at the
/// token endpoint as the public portal client.
/// </summary>
internal static class CodeFlow
{
    public const string Scope = "openid offline_access";

    /// <summary>Signs <paramref name="user"/> in and returns the refresh token of a new family.</summary>
    /// <exception cref="BenchmarkException">A step answered something other than the flow expects.</exception>
    public static async Task<string> SignInAsync(
        BrowserSession browser, BenchmarkEndpoints endpoints, OpenIdProvider service, BenchmarkUser user, CancellationToken cancellationToken)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = new Uri(service.AuthorizationEndpoint.AbsoluteUri + (service.AuthorizationEndpoint.Query.Length > 0 ? "&" : "?") + Query(
            ("client_id", endpoints.PortalClientId), ("redirect_uri", endpoints.PortalRedirectUri), ("response_type", "code"),
            ("scope", Scope), ("state", state), ("nonce", Guid.NewGuid().ToString("N")),
            ("code_challenge", challenge), ("code_challenge_method", "S256")));

        // A browser that still has a session goes straight to the redirect URI.
        var callback = await RedirectAsync(browser.GetAsync(authorize, cancellationToken), "GET authorization_endpoint");
        if (callback.AbsolutePath == "/account/login")
        {
            var form = await browser.OpenLoginPageAsync(callback, cancellationToken);
            var back = await RedirectAsync(browser.PostAsync(form.Action, form.Content(user.Email, user.Password), cancellationToken),
                $"POST {form.Action.AbsolutePath} (sign-in with the right password)");
            callback = await RedirectAsync(browser.GetAsync(back, cancellationToken), "GET authorization_endpoint (signed in)");
        }

        if (callback.GetLeftPart(UriPartial.Path) != endpoints.PortalRedirectUri)
        {
            throw new BenchmarkException($"Authorization ended at {callback.GetLeftPart(UriPartial.Path)}, not at {endpoints.PortalRedirectUri}.");
        }

        var answer = HttpUtility.ParseQueryString(callback.Query);
        if (answer["state"] != state || answer["code"] is not { Length: > 0 } code)
        {
            throw new BenchmarkException($"The redirect to the portal has no code for this state (error: {answer["error"] ?? "none"} {answer["error_description"]}).");
        }

        using var response = await browser.PostAsync(service.TokenEndpoint, new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", endpoints.PortalRedirectUri),
            new("code_verifier", verifier), new("client_id", endpoints.PortalClientId),
        ]), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK && TokenResponse.RefreshTokenIn(body) is { Length: > 0 } refreshToken
            ? refreshToken
            : throw new BenchmarkException($"Redeeming the code answered {(int)response.StatusCode} without a refresh token: {body}");
    }

    /// <summary>The absolute target of a 302.</summary>
    private static async Task<Uri> RedirectAsync(Task<HttpResponseMessage> request, string step)
    {
        using var response = await request;
        return response.StatusCode == HttpStatusCode.Found && response.Headers.Location is { } location
            ? new Uri(response.RequestMessage!.RequestUri!, location)
            : throw new BenchmarkException($"{step} answered {(int)response.StatusCode} instead of a redirect.");
    }

    private static string Query(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
}
