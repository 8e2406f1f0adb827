using System.Net;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Data;

/// <summary>The key ring moved to Microsoft.AspNetCore.DataProtection.EntityFrameworkCore without signing anyone out.</summary>
public sealed class DataProtectionKeyStoreTests(LocalServers servers)
{
    private const string Password = "a long password for the key store test";

    [Fact]
    public async Task SessionCookieIssuedWithThePreLibraryKeyStore_StillSignsInAfterTheChange_NoNewKey()
    {
        var environment = await servers.NewEnvironmentAsync("dp_keys");
        var email = $"kept@{Senders.UniqueDomain()}";
        string cookie;
        await using (var before = await new IdentityHost(environment)
        {
            ExtraServices = services => services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PreLibraryKeyRepository(environment.ConnectionString)),
        }.StartAsync())
        {
            await before.CreateAccountAsync(email, Password);
            using var browser = new BrowserClient(before);
            using var signedIn = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var session = BrowserClient.SetCookie(signedIn, SessionCookie.CookieName).ShouldNotBeNull();
            cookie = $"{session.Name}={session.Value}";
        }

        await using var after = await new IdentityHost(environment).StartAsync();
        var keys = await after.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToListAsync(TestContext.Current.CancellationToken));
        using var client = after.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        home.ShouldContain(email, customMessage: "the cookie from before the change still signs the user in");
        home.ShouldNotContain("<a href=\"/account/login\">");
        keys.ShouldHaveSingleItem("the library read the key written before; it made no new one");
    }
}
