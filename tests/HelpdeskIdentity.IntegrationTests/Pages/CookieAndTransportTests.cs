using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Net.Http.Headers;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>
/// Security review finding 7: <c>__Host-</c> session and antiforgery cookies outside plain-HTTP local runs, HSTS when
/// the public origin is https, and small request bodies on the account pages' posts.
/// </summary>
public sealed class CookieAndTransportTests(SignInFixture fixture, LocalServers servers) : IClassFixture<SignInFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Pages_HttpsPublicOrigin_SendHsts()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldBe("max-age=31536000");
    }

    [Fact]
    public async Task AccountPost_OverSixtyFourKilobytes_RefusedWith413BeforeTheFormIsRead()
    {
        using var browser = new BrowserClient(fixture.Host, TestClientAddress.Unique());

        using var response = await browser.PostAsync("/account/forgot-password", [new("Input.Email", "a@example.org"), new("padding", new string('x', 1_000_000))]);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Production_SessionAndAntiforgeryCookies_HaveTheHostPrefix()
    {
        await using var host = new IdentityHost(await servers.NewEnvironmentAsync("host_cookies"),
            new Dictionary<string, string?> { ["DataProtection:AllowUnencryptedKeys"] = "true", ["AllowedHosts"] = "localhost" });
        await using var production = host.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var email = $"prefixed@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, Password);

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var antiforgery = HostCookie(page, "__Host-hdid.antiforgery");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
                ["Input.Email"] = email,
                ["Input.Password"] = Password,
            }),
        };
        post.Headers.Add("Cookie", $"{antiforgery.Name}={antiforgery.Value}");
        using var signedIn = await client.SendAsync(post, TestContext.Current.CancellationToken);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        HostCookie(signedIn, SessionCookie.SecureCookieName);
    }

    [Fact]
    public async Task Production_PagesOverPlainHttp_AreTheReadable403Page_NeverA500()
    {
        // An instance reached past its TLS proxy, or behind one whose X-Forwarded-Proto it does not trust: antiforgery,
        // whose cookie is Secure here, used to throw on every page with a form.
        await using var host = new IdentityHost(await servers.NewEnvironmentAsync("plain_http"),
            new Dictionary<string, string?> { ["DataProtection:AllowUnencryptedKeys"] = "true", ["AllowedHosts"] = "localhost" });
        await using var production = host.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        using var post = await client.PostAsync(new Uri("/account/forgot-password", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org" }), TestContext.Current.CancellationToken);
        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var refused in new[] { page, post })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Nothing was changed");
        }

        health.StatusCode.ShouldBe(HttpStatusCode.OK, "probes over plain HTTP inside the cluster still work");
        host.Logs.Entries.ShouldContain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("X-Forwarded-Proto", StringComparison.Ordinal));
    }

    /// <summary>The cookie, which must carry what a browser requires of a <c>__Host-</c> cookie: Secure, path /, no Domain.</summary>
    private static SetCookieHeaderValue HostCookie(HttpResponseMessage response, string name)
    {
        var cookie = BrowserClient.SetCookie(response, name).ShouldNotBeNull($"Set-Cookie {name}");
        cookie.Secure.ShouldBeTrue();
        cookie.Path.ToString().ShouldBe("/");
        cookie.Domain.HasValue.ShouldBeFalse();
        return cookie;
    }
}
