using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Sessions;

/// <summary>
/// Security review finding 3: sessions live server-side (docs/decisions/0024). Signing out ends the session wherever
/// its cookie was copied to, with its refresh tokens; a session has an absolute end; the account page lists the
/// sessions and signs out everywhere else.
/// </summary>
public sealed class ServerSessionTests(SelfServiceFixture fixture, LocalServers servers) : IClassFixture<SelfServiceFixture>
{
    internal const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    internal const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task SignOut_ACopiedCookieIsDead_AndThisSessionsRefreshTokensAreRevoked()
    {
        var email = $"leaving@{Senders.UniqueDomain()}";
        await _host.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(_host);
        string copied;
        using (var signIn = await browser.SubmitFormAsync("/account/login", Credentials(email, OldPassword)))
        {
            copied = BrowserClient.SetCookie(signIn, SessionCookie.CookieName).ShouldNotBeNull().Value.ToString();
        }

        var refreshToken = await RefreshTokenOfAsync(browser, email);
        (await CopiedCookieSignedInAsync(copied)).ShouldBeTrue("the copy works while the session lives");

        var home = await browser.GetPageAsync("/");
        using (var signedOut = await browser.PostAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(home) }))
        {
            signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await CopiedCookieSignedInAsync(copied)).ShouldBeFalse("signing out ends the session on the server, not only this browser's cookie");
        using var refreshed = await RefreshAsync(refreshToken);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(refreshed)).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task SignInAgainInTheSameBrowser_ACopyOfTheOldCookieIsDead_ThePortalsTokensPassToTheNewSession_AndEndWithIt()
    {
        var email = $"again@{Senders.UniqueDomain()}";
        var account = await _host.CreateAccountAsync(email, OldPassword);
        using var browser = new BrowserClient(_host);
        var copied = await SignInForCookieAsync(browser, email);
        var refreshToken = await RefreshTokenOfAsync(browser, email);

        (await SignInForCookieAsync(browser, email)).ShouldNotBe(copied);

        (await SignedInAddressAsync(browser)).ShouldBe(email, "the new session works");
        (await CopiedCookieSignedInAsync(copied)).ShouldBeFalse("the session the new sign-in replaced has ended on the server");
        var rows = await _host.QueryAsync(db => db.Sessions.Where(s => s.AccountId == account.Id).ToListAsync());
        rows.Count(r => r.RevokedAt == null).ShouldBe(1, "one browser, one live session");
        (await AuditDetailsAsync(account.Id)).ShouldBe(["replaced"]);
        using (var refreshed = await RefreshAsync(refreshToken))
        {
            refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, "the same person signed in again: the portal keeps its tokens");
            refreshToken = (await ProtocolClient.JsonAsync(refreshed)).GetProperty("refresh_token").GetString().ShouldNotBeNull();
        }

        var home = await browser.GetPageAsync("/");
        (await browser.PostAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(home) })).Dispose();
        using var afterSignOut = await RefreshAsync(refreshToken);
        afterSignOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "signing out of the new session ends the tokens it carried");
    }

    [Fact]
    public async Task SomeoneElseSignsInInTheSameBrowser_ThePreviousPersonsSessionEndsWithItsTokens()
    {
        var first = $"first@{Senders.UniqueDomain()}";
        var second = $"second@{Senders.UniqueDomain()}";
        var firstAccount = await _host.CreateAccountAsync(first, OldPassword);
        await _host.CreateAccountAsync(second, OldPassword);
        using var browser = new BrowserClient(_host);
        var copied = await SignInForCookieAsync(browser, first);
        var refreshToken = await RefreshTokenOfAsync(browser, first);

        await SignInForCookieAsync(browser, second);

        (await SignedInAddressAsync(browser)).ShouldBe(second);
        (await CopiedCookieSignedInAsync(copied)).ShouldBeFalse();
        using var refreshed = await RefreshAsync(refreshToken);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the previous person's tokens end with their session");
        (await AuditDetailsAsync(firstAccount.Id)).ShouldBe(["replaced"]);
    }

    [Fact]
    public async Task Prune_KeepsARowThatCarriesGrants_AsLongAsTheGrantsCanLive()
    {
        var account = await _host.CreateAccountAsync($"pruned@{Senders.UniqueDomain()}", OldPassword);
        var store = _host.Services.GetRequiredService<SessionStore>();
        var now = DateTimeOffset.UtcNow;
        var grantsLiveFor = TimeSpan.FromDays(30);
        async Task<string> RowAsync(string name, TimeSpan endedAgo, bool revoked, bool carries)
        {
            var ended = now - endedAgo;
            var started = ended.AddHours(-12);
            string? earlier = null;
            if (carries)
            {
                // This browser's earlier session of the same person, handed over when the row below started.
                earlier = $"earlier-{Guid.NewGuid():N}";
                (await store.CreateAsync(new ServerSession(earlier, account.Id, started.AddHours(-1), started.AddHours(-1), ended, false, "test"), null,
                    CancellationToken.None)).ShouldBeFalse();
            }

            var id = $"{name}-{Guid.NewGuid():N}";
            (await store.CreateAsync(new ServerSession(id, account.Id, started, started, revoked ? ended.AddHours(1) : ended, false, "test"), earlier,
                CancellationToken.None)).ShouldBe(carries);
            if (revoked)
            {
                (await store.RevokeAsync(account.Id, id, null, ended, CancellationToken.None)).ShouldHaveSingleItem();
            }

            return id;
        }

        var plain = await RowAsync("plain", TimeSpan.FromDays(2), revoked: false, carries: false);
        var carrier = await RowAsync("carrier", TimeSpan.FromDays(2), revoked: false, carries: true);
        var oldCarrier = await RowAsync("old-carrier", TimeSpan.FromDays(32), revoked: false, carries: true);
        var revokedCarrier = await RowAsync("revoked-carrier", TimeSpan.FromDays(2), revoked: true, carries: true);
        var live = await RowAsync("live", -TimeSpan.FromHours(1), revoked: false, carries: true);

        await store.PruneAsync(now, grantsLiveFor, CancellationToken.None);

        var left = await _host.QueryAsync(db => db.Sessions.Where(r => r.AccountId == account.Id && !r.Id.StartsWith("earlier-")).Select(r => r.Id).ToListAsync());
        left.Order().ShouldBe(new[] { carrier, live }.Order(),
            "a carrier that ended on its own stays while its grants can live; revoking one ended its grants; a plain row goes a day after");
    }

    [Fact]
    public async Task AccountPage_ListsTheSessions_SignOutEverywhereElse_EndsTheOthersAndTheirRefreshTokens()
    {
        var email = $"many@{Senders.UniqueDomain()}";
        var account = await _host.CreateAccountAsync(email, OldPassword);
        using var laptop = new BrowserClient(_host);
        laptop.Headers.UserAgent.ParseAdd(Firefox);
        using var phone = new BrowserClient(_host);
        phone.Headers.UserAgent.ParseAdd(IPhone);
        foreach (var browser in new[] { laptop, phone })
        {
            using var signIn = await browser.SubmitFormAsync("/account/login", Credentials(email, OldPassword));
            CodeFlow.Location(signIn).ShouldBe("/");
        }

        var phoneRefreshToken = await RefreshTokenOfAsync(phone, email);
        var rows = await _host.QueryAsync(db => db.Sessions.Where(s => s.AccountId == account.Id).ToListAsync());
        rows.Count.ShouldBe(2);
        rows.Select(r => r.UserAgent).Order().ShouldBe(["Firefox on Windows", "Safari on iOS"]);
        rows.ShouldAllBe(r => r.RevokedAt == null && r.LastSeenAt >= r.CreatedAt);

        var page = await laptop.GetPageAsync("/");
        page.ShouldContain($"<strong>Firefox on Windows</strong> ({AccountText.SessionThisBrowser})");
        page.ShouldContain("<strong>Safari on iOS</strong>:");
        page.ShouldContain(AccountText.SignOutOthersButton);

        using (var ended = await laptop.SubmitFormAsync("/", new Dictionary<string, string>()))
        {
            CodeFlow.Location(ended).ShouldBe("/?ended=1");
        }

        (await SignedInAddressAsync(phone)).ShouldBeNull("the other browser is signed out");
        (await SignedInAddressAsync(laptop)).ShouldBe(email, "this browser stays signed in");
        (await laptop.GetPageAsync("/?ended=1")).ShouldContain(AccountText.SignedOutOthersText(1));
        using var refreshed = await RefreshAsync(phoneRefreshToken);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the other session's refresh tokens are revoked with it");
    }

    [Fact]
    public async Task Session_EndsAtItsAbsoluteLifetime_HoweverActive_12HoursOr30DaysWithKeepMeSignedIn()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("session_lifetime"),
            PasswordResetFixture.Configure(TestClients.Settings())) { Clock = clock }.StartAsync();
        var email = $"lasting@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, OldPassword);
        using var shortSession = await SignedInAsync(host, email, OldPassword);
        using var kept = new BrowserClient(host);
        using (var signIn = await kept.SubmitFormAsync("/account/login", Credentials(email, OldPassword, keepSignedIn: true)))
        {
            CodeFlow.Location(signIn).ShouldBe("/");
        }

        for (var hour = 1; hour <= 11; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            (await SignedInAddressAsync(shortSession)).ShouldBe(email, $"hour {hour}: in use, within 12 hours");
        }

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        (await SignedInAddressAsync(shortSession)).ShouldBeNull("12 hours after signing in, used every hour: over");
        (await SignedInAddressAsync(kept)).ShouldBe(email, "\"keep me signed in\" lasts 30 days");

        for (var day = 1; day <= 29; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            (await SignedInAddressAsync(kept)).ShouldBe(email, $"day {day}: in use daily, within 30 days");
        }

        clock.Advance(TimeSpan.FromDays(1));
        (await SignedInAddressAsync(kept)).ShouldBeNull("30 days after signing in: over, however often it was used");
    }

    private async Task<bool> CopiedCookieSignedInAsync(string cookieValue)
    {
        using var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{SessionCookie.CookieName}={cookieValue}");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return !html.Contains(PageText.NotSignedIn, StringComparison.Ordinal);
    }

    private static async Task<string> SignInForCookieAsync(BrowserClient browser, string email)
    {
        using var signIn = await browser.SubmitFormAsync("/account/login", Credentials(email, OldPassword));
        CodeFlow.Location(signIn).ShouldBe("/");
        return BrowserClient.SetCookie(signIn, SessionCookie.CookieName).ShouldNotBeNull().Value.ToString();
    }

    private Task<List<string?>> AuditDetailsAsync(Guid accountId) => _host.QueryAsync(db => db.AuditEvents
        .Where(e => e.AccountId == accountId && e.Type == Api.Audit.AuditEventTypes.SessionEnded).Select(e => e.Detail).ToListAsync());

    private async Task<string> RefreshTokenOfAsync(BrowserClient browser, string email)
    {
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, OldPassword);
        using var response = await flow.RedeemAsync(new ProtocolClient(_host.CreateClient()), callback["code"]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ProtocolClient.JsonAsync(response)).GetProperty("refresh_token").GetString()!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        new ProtocolClient(_host.CreateClient()).PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestClients.PortalId,
        });
}
