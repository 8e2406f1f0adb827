using System.Net;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Sessions;

/// <summary>A session lives only while the account's security stamp is the one it was issued for (docs/decisions/0015).</summary>
public sealed class SessionStampTests(SelfServiceFixture fixture, LocalServers servers) : IClassFixture<SelfServiceFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task PasswordResetInAnotherBrowser_EndsThisSession_AndTheResettingBrowserIsSignedIn()
    {
        var email = $"elsewhere@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var laptop = await SignedInAsync(_host, email, OldPassword);
        (await SignedInAddressAsync(laptop)).ShouldBe(email);
        var pendingAddress = $"pending@{Senders.UniqueDomain()}";
        using (var asked = await laptop.SubmitFormAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = pendingAddress,
            ["Input.CurrentPassword"] = OldPassword,
        }))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var pendingChange = Mailbox.LinksTo((await Mailbox.WaitForAsync(_host, pendingAddress, Subject("Confirm your new e-mail address"))).Single(), "/account/confirm-email").Single();
        var link = await SetPasswordLinkAsync(_host, email);

        using var phone = new BrowserClient(_host);
        using (var reset = await phone.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }))
        {
            CodeFlow.Location(reset).ShouldBe("/");
        }

        (await SignedInAddressAsync(phone)).ShouldBe(email, "the browser that set the password is signed in");
        using (var ended = await laptop.GetAsync("/"))
        {
            (await ended.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(HelpdeskIdentity.Api.Pages.PageText.NotSignedIn);
            BrowserClient.SetCookie(ended, SessionCookie.CookieName).ShouldNotBeNull("the ended session's cookie is deleted")
                .Expires.ShouldNotBeNull().ShouldBeLessThan(DateTimeOffset.UtcNow);
        }

        using (var voided = await phone.GetAsync(pendingChange))
        {
            voided.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a reset voids a pending e-mail change");
        }

        var flow = new CodeFlow(laptop);
        CodeFlow.Location(await laptop.GetAsync(flow.AuthorizeUrl())).ShouldStartWith("/account/login?", customMessage: "the portal must sign in again");
    }

    [Fact]
    public async Task PasswordChangedElsewhere_TheOldSessionGetsNoNewCode_AndItsUnusedCodeIsDead()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("session_codes"),
            PasswordResetFixture.Configure(TestClients.Settings())) { Clock = clock }.StartAsync();
        var email = $"codes@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, OldPassword);
        using var stolen = await SignedInAsync(host, email, OldPassword);
        (await SignedInAddressAsync(stolen)).ShouldBe(email); // a page view: the session's stamp was checked just now
        var earlier = new CodeFlow(stolen);
        var code = CodeFlow.Callback(await stolen.GetAsync(earlier.AuthorizeUrl()))["code"];
        using var owner = await SignedInAsync(host, email, OldPassword);

        await ChangePasswordAsync(owner, OldPassword, NewPassword);

        CodeFlow.Location(await stolen.GetAsync(new CodeFlow(stolen).AuthorizeUrl()))
            .ShouldStartWith("/account/login?", customMessage: "the authorization endpoint checks the session on every request");
        (await SignedInAddressAsync(stolen)).ShouldBeNull("and so do pages");
        using var redeemed = await earlier.RedeemAsync(new ProtocolClient(host.CreateClient()), code);
        redeemed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProtocolClient.JsonAsync(redeemed)).GetProperty("error").GetString().ShouldBe("invalid_grant", "a code minted before the change cannot start a new token chain");
    }

    [Fact]
    public async Task PasswordChangedElsewhere_TheOtherBrowserIsSignedOutOnItsVeryNextRequest()
    {
        var email = $"checked@{Senders.UniqueDomain()}";
        await _host.CreateAccountAsync(email, OldPassword);
        using var laptop = await SignedInAsync(_host, email, OldPassword);
        (await SignedInAddressAsync(laptop)).ShouldBe(email);
        using var phone = await SignedInAsync(_host, email, OldPassword);

        await ChangePasswordAsync(phone, OldPassword, NewPassword);

        (await SignedInAddressAsync(laptop)).ShouldBeNull("every request checks the session: no minute of grace");
        (await SignedInAddressAsync(phone)).ShouldBe(email, "the browser that changed the password stays signed in");
    }

    internal static async Task ChangePasswordAsync(BrowserClient browser, string current, string next)
    {
        using var changed = await browser.SubmitFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Your password was changed");
    }
}
