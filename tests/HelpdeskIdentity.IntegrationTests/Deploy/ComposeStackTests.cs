using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Deploy;

/// <summary>
/// The compose stack (two replicas behind HAProxy, PostgreSQL, RabbitMQ, the portal, the mailbox volume),
/// driven only through the proxy and the service's own command line, as an operator and a user would.
/// </summary>
public sealed partial class ComposeStackTests(ComposeStack stack) : IClassFixture<ComposeStack>
{
    private const string Password = "a passphrase for the compose stack";

    [Fact]
    public async Task Seed004_TicketToAccountToMailboxToIdToken_ThroughTheProxy()
    {
        var email = $"jan.jansen@{Senders.UniqueDomain("compose")}";
        var published = await stack.ServiceCommandAsync("tickets", "publish", $"\"Jan Jansen\" <{email}>");
        published.ExitCode.ShouldBe(0, published.Output);
        await Eventually.HoldsAsync(async () => (await stack.ServiceCommandAsync("users", "show", email)).ExitCode == 0,
            "the ticket's sender has an account");

        using var browser = new BrowserClient(stack.CreateClient());
        var flow = new CodeFlow(browser, stack.PortalRedirectUri);
        var authorize = flow.AuthorizeUrl("openid profile email");
        using (var toLogin = await browser.GetAsync(authorize))
        {
            CodeFlow.Location(toLogin).ShouldStartWith("/account/login");
        }

        using (var sent = await browser.SubmitFormAsync("/account/forgot-password?returnUrl=" + Uri.EscapeDataString(authorize),
                   new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var link = await SetPasswordLinkAsync(browser, email);
        using (var accepted = await browser.SubmitFormAsync(link, new Dictionary<string, string>
               {
                   ["Input.NewPassword"] = Password,
                   ["Input.ConfirmPassword"] = Password,
               }))
        {
            CodeFlow.Location(accepted).ShouldStartWith("/connect/authorize");
        }

        using var callback = await browser.GetAsync(authorize);
        var location = CodeFlow.Location(callback);
        location.ShouldStartWith(stack.PortalRedirectUri + "?");
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        query["state"].ToString().ShouldBe(flow.State);

        using var tokenClient = stack.CreateClient();
        using var redeemed = await flow.RedeemAsync(new ProtocolClient(tokenClient), query["code"].ToString(), redirectUri: stack.PortalRedirectUri);
        redeemed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await ProtocolClient.JsonAsync(redeemed);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        idToken.Issuer.ShouldBe(stack.Origin + "/");
        idToken.GetClaim("email").Value.ShouldBe(email);
        idToken.GetClaim("email_verified").Value.ShouldBe("true");
    }

    [Fact]
    public async Task Portal_ServesItsPagesAndTheOidcClient_ConfiguredForTheStacksIssuer()
    {
        using var portal = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{stack.PortalPort}") };
        async Task<bool> AnswersAsync()
        {
            try
            {
                using var page = await portal.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
                return page.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // the container is still starting
            }
        }

        await Eventually.HoldsAsync(AnswersAsync, "the portal container answers", TimeSpan.FromMinutes(1));

        using var index = await portal.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var config = await portal.GetStringAsync(new Uri("/config.js", UriKind.Relative), TestContext.Current.CancellationToken);
        var client = await portal.GetStringAsync(new Uri("/oidc-client-ts.js", UriKind.Relative), TestContext.Current.CancellationToken);

        index.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        index.Headers.GetValues("Content-Security-Policy").Single().ShouldContain($"connect-src 'self' {stack.Origin}", customMessage: "the page may call the stack's issuer");
        config.ShouldContain($"\"issuer\":\"{stack.Origin}\"", customMessage: "the portal signs in with the stack's identity service");
        config.ShouldContain($"\"portalUrl\":\"http://127.0.0.1:{stack.PortalPort}\"");
        client.ShouldContain("UserManager", customMessage: "oidc-client-ts's browser bundle is in the image");
    }

    [Fact]
    public async Task SignInPostsAlternatingBetweenReplicas_ShareOneBudget_WhateverXForwardedForTheClientWrites()
    {
        // A connection per request, so the proxy's round robin alternates replicas request by request.
        var http = stack.CreateClient();
        http.DefaultRequestHeaders.ConnectionClose = true;
        using var browser = new BrowserClient(http);
        var servedBy = new HashSet<string>();
        var accepted = 0;
        HttpStatusCode last = default;
        for (var attempt = 0; attempt < 21; attempt++)
        {
            // A different made-up client address on every post: the service must key on the address the proxy saw.
            if (attempt % 2 == 1)
            {
                // Each post follows a GET of its form: one more request here shifts the round robin, so the
                // posts themselves alternate between the replicas.
                using var shift = await browser.GetAsync("/health/live");
            }

            browser.Headers.Remove("X-Forwarded-For");
            browser.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
            using var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
            {
                ["Input.Email"] = $"nobody{attempt}@{Senders.UniqueDomain("limits")}",
                ["Input.Password"] = "not the password",
            });
            servedBy.UnionWith(response.Headers.TryGetValues("X-Served-By", out var names) ? names : []);
            last = response.StatusCode;
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                accepted++;
            }
        }

        servedBy.ShouldBe(["identity-1", "identity-2"], ignoreOrder: true);
        accepted.ShouldBe(20, "RateLimits:SignInPerClient allows 20 a minute across both replicas, not 20 each");
        last.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static async Task<string> SetPasswordLinkAsync(BrowserClient browser, string email)
    {
        string? id = null;
        await Eventually.HoldsAsync(async () =>
        {
            var list = await browser.GetPageAsync("/dev/mailbox");
            id = MailboxRow().Matches(list).Where(m => WebUtility.HtmlDecode(m.Groups["to"].Value).Contains(email, StringComparison.Ordinal))
                .Select(m => m.Groups["id"].Value).FirstOrDefault();
            return id is not null;
        }, "the set-password e-mail is in the mailbox");
        var mail = await browser.GetPageAsync($"/dev/mailbox/{id}");
        var link = SetPasswordLink().Match(mail);
        link.Success.ShouldBeTrue("the e-mail holds a set-password link");
        return WebUtility.HtmlDecode(link.Value);
    }

    [GeneratedRegex("""<td>(?<to>[^<]*)</td><td><a href="/dev/mailbox/(?<id>[^"]+)">""")]
    private static partial Regex MailboxRow();

    [GeneratedRegex("""/account/set-password\?[^"<\s]+""")]
    private static partial Regex SetPasswordLink();
}
