using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>
/// The service for the signed-in account tests: the password-reset tests' brand and lockout.
/// </summary>
public sealed partial class SelfServiceFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const string OldPassword = "correct horse battery staple";
    public const string NewPassword = "a much longer new passphrase";

    protected override IDictionary<string, string?> Settings => Configure(TestClients.Settings());

    /// <summary>These tests' settings on top of <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> Configure(Dictionary<string, string?> settings)
    {
        PasswordResetFixture.Configure(settings);
        return settings;
    }

    public static string Subject(string subject) => $"[{PasswordResetFixture.ProductName}] {subject}";

    /// <summary>A browser signed in to the account with this address and password.</summary>
    public static async Task<BrowserClient> SignedInAsync(IdentityHost host, string email, string password)
    {
        var browser = new BrowserClient(host);
        using var response = await browser.SubmitFormAsync("/account/login", Credentials(email, password));
        CodeFlow.Location(response).ShouldBe("/", $"{email} signs in");
        return browser;
    }

    /// <summary>The address the start page shows as signed in, or null when it offers to sign in instead.</summary>
    public static async Task<string?> SignedInAddressAsync(BrowserClient browser)
    {
        var html = await browser.GetPageAsync("/");
        if (AccountEmail().Match(html) is { Success: true } shown)
        {
            return WebUtility.HtmlDecode(shown.Groups[1].Value);
        }

        html.ShouldContain("<a href=\"/account/login\">", customMessage: "a start page without an account offers to sign in");
        return null;
    }

    /// <summary>A refresh token the portal got through a code flow in a browser of its own.</summary>
    public static async Task<string> RefreshTokenAsync(IdentityHost host, string email, string password)
    {
        using var browser = new BrowserClient(host);
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, password);
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(host.CreateClient()), callback["code"]));
        return tokens.GetProperty("refresh_token").GetString()!;
    }

    /// <summary>What the token endpoint answers the portal for this refresh token.</summary>
    public static async Task<HttpStatusCode> RefreshAsync(IdentityHost host, string refreshToken)
    {
        using var response = await new ProtocolClient(host.CreateClient()).PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
        });
        return response.StatusCode;
    }

    /// <summary>Whether a fresh browser can sign in with this address and password.</summary>
    public static async Task<bool> CanSignInAsync(IdentityHost host, string email, string password)
    {
        using var browser = new BrowserClient(host);
        using var response = await browser.SubmitFormAsync("/account/login", Credentials(email, password));
        return response.StatusCode == HttpStatusCode.Found;
    }

    public static Dictionary<string, string> Credentials(string email, string password, bool keepSignedIn = false) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.KeepSignedIn"] = keepSignedIn ? "true" : "false",
    };

    /// <summary>A new set-password link for the address, asked for on the forgot-password page as a person would.</summary>
    public static async Task<string> SetPasswordLinkAsync(IdentityHost host, string email)
    {
        var subject = Subject("Set your password");
        var before = (await Mailbox.ReadAsync(host, email, subject)).SelectMany(Mailbox.Links).ToHashSet();
        using var browser = new BrowserClient(host);
        using var response = await browser.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mails = await Mailbox.WaitForAsync(host, email, subject, before.Count + 1);
        return mails.SelectMany(Mailbox.Links).Single(link => !before.Contains(link));
    }

    [GeneratedRegex("""<span id="account-email">([^<]*)</span>""")]
    private static partial Regex AccountEmail();
}
