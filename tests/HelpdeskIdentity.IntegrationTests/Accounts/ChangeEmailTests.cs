using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>A signed-in user moves the account to another address, confirmed from the new mailbox (issue 4, docs/decisions/0015).</summary>
public sealed partial class ChangeEmailTests(SelfServiceFixture fixture, LocalServers servers) : IClassFixture<SelfServiceFixture>
{
    private static readonly string ConfirmSubject = Subject("Confirm your new e-mail address");
    private static readonly string InUseSubject = Subject("This address already has an account");
    private static readonly string ChangedSubject = Subject("Your e-mail address was changed");
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeEmail_ConfirmedFromTheNewMailbox_MovesTheAccountAndTellsTheOldAddress()
    {
        var oldEmail = $"jan@{Senders.UniqueDomain("old")}";
        var newDomain = Senders.UniqueDomain("new");
        var newEmail = $"jan.jansen@{newDomain}";
        var account = await fixture.CreateAccountAsync(oldEmail, OldPassword, "Jan Jansen");
        var refreshToken = await RefreshTokenAsync(_host, oldEmail, OldPassword);
        using var other = await SignedInAsync(_host, oldEmail, OldPassword);
        using var browser = await SignedInAsync(_host, oldEmail, OldPassword);
        (await browser.GetPageAsync("/")).ShouldContain("""<a href="/account/email">Change your e-mail address</a>""");
        var resetLink = await SetPasswordLinkAsync(_host, oldEmail);

        (await browser.GetPageAsync("/account/email")).ShouldContain(oldEmail, customMessage: "the form says which address the account uses now");
        var answer = await RequestAsync(browser, $"  Jan.Jansen@{newDomain.ToUpperInvariant()} ", OldPassword);
        answer.ShouldContain(AccountText.CheckNewMailboxTitle);
        answer.ShouldContain(newEmail);
        (await CanSignInAsync(_host, oldEmail, OldPassword)).ShouldBeTrue("nothing changes before the link is opened");

        var mail = (await Mailbox.WaitForAsync(_host, newEmail, ConfirmSubject)).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain("the link works once, for 1 day");
        mail.Text.ShouldNotContain(oldEmail, customMessage: "a mistyped new address learns nothing about the account");
        var link = Mailbox.LinksTo(mail, "/account/confirm-email").ShouldHaveSingleItem();
        link.ShouldEndWith("&ui_locales=en");
        var confirmPage = await browser.GetPageAsync(link);
        confirmPage.ShouldContain(AccountText.ConfirmEmailText(newEmail));
        (await CanSignInAsync(_host, oldEmail, OldPassword)).ShouldBeTrue("opening the link (as a mail scanner would) changes nothing");

        var done = await ConfirmAsync(browser, link);
        done.ShouldContain(AccountText.EmailChangedTitle);
        done.ShouldContain(AccountText.EmailChangedText(newEmail));

        (await SignedInAddressAsync(browser)).ShouldBe(newEmail, "this browser stays signed in and shows the new address");
        (await browser.GetPageAsync("/")).ShouldContain($"({AccountText.EmailVerified})");
        (await SignedInAddressAsync(other)).ShouldBeNull("other browsers are signed out");
        (await RefreshAsync(_host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest, "every refresh token is revoked");
        using (var voided = await new BrowserClient(_host).GetAsync(resetLink))
        {
            voided.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "open set-password links are voided by the change");
        }

        (await CanSignInAsync(_host, newEmail, OldPassword)).ShouldBeTrue();
        (await CanSignInAsync(_host, oldEmail, OldPassword)).ShouldBeFalse();
        var notice = (await Mailbox.WaitForAsync(_host, oldEmail, ChangedSubject)).ShouldHaveSingleItem();
        notice.Header("to").ShouldContain(oldEmail);
        notice.Text.ShouldNotBeNull().ShouldContain($"was just changed from {oldEmail} to {newEmail}");
        notice.Text.ShouldContain("contact support at once");
        notice.Text.ShouldContain(PasswordResetFixture.SupportEmail);
        var moved = await _host.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == account.Id));
        moved.NormalizedEmail.ShouldBe(newEmail);
        moved.UserName.ShouldBe(newEmail);
        moved.EmailConfirmed.ShouldBeTrue();
        (await _host.QueryAsync(db => db.OrganizationDomains.AsNoTracking().SingleAsync(d => d.Domain == newDomain)))
            .OrganizationId.ShouldBe(moved.OrganizationId.ShouldNotBeNull(), "the account belongs to the new domain's organisation");
    }

    [Fact]
    public async Task SignInCodeMailedBeforeAnAddressChange_RefusedAfterIt()
    {
        var oldEmail = $"coded@{Senders.UniqueDomain("old")}";
        var newEmail = $"coded@{Senders.UniqueDomain("new")}";
        await fixture.CreateAccountAsync(oldEmail, OldPassword);
        using var oldMailbox = new BrowserClient(_host);
        var verifyUrl = await SignInCodeTests.RequestCodeAsync(oldMailbox, PagePaths.SignInCode, oldEmail);
        var code = await SignInCodeTests.CodeAsync(_host, oldEmail);
        using var owner = await SignedInAsync(_host, oldEmail, OldPassword);

        (await ConfirmAsync(owner, await LinkAsync(_host, owner, newEmail))).ShouldContain(AccountText.EmailChangedTitle);
        using var used = await oldMailbox.SubmitFormAsync(verifyUrl, new Dictionary<string, string> { ["Input.Email"] = newEmail, ["Input.Code"] = code });

        (await used.Content.ReadAsStringAsync(Cancellation)).ShouldContain(Api.Accounts.SignInCodes.SignInCodeText.CodeWrong,
            customMessage: "the old mailbox's code ended with the change");
        (await SignedInAddressAsync(oldMailbox)).ShouldBeNull();
    }

    [Fact]
    public async Task AddressOfAnotherAccount_SameAnswer_AndANoticeInsteadOfALink()
    {
        var email = $"mover@{Senders.UniqueDomain()}";
        var taken = $"taken@{Senders.UniqueDomain()}";
        var free = $"free@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        await fixture.CreateAccountAsync(taken, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);

        var takenAnswer = await RequestAsync(browser, taken, OldPassword);
        var freeAnswer = await RequestAsync(browser, free, OldPassword);

        Comparable(takenAnswer, taken).ShouldBe(Comparable(freeAnswer, free));
        var notice = (await Mailbox.WaitForAsync(_host, taken, InUseSubject)).ShouldHaveSingleItem();
        notice.Text.ShouldNotBeNull().ShouldContain("An account with this address exists already, so nothing was changed.");
        Mailbox.LinksTo(notice, "/account/confirm-email").ShouldBeEmpty();
        (await Mailbox.ReadAsync(_host, taken, ConfirmSubject)).ShouldBeEmpty();
        (await Mailbox.WaitForAsync(_host, free, ConfirmSubject)).ShouldHaveSingleItem();
        (await SignedInAddressAsync(browser)).ShouldBe(email);
    }

    [Fact]
    public async Task WrongCurrentPasswordOrBadAddress_ReadableErrors_AndNoMail()
    {
        var email = $"careful@{Senders.UniqueDomain()}";
        var target = $"target@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);

        (await RequestAsync(browser, target, "not my password")).ShouldContain(AccountText.CurrentPasswordWrong);
        (await RequestAsync(browser, "not an address", OldPassword)).ShouldContain(PageText.EmailInvalid);
        (await RequestAsync(browser, email.ToUpperInvariant(), OldPassword)).ShouldContain(AccountText.NewEmailSame);
        (await RequestAsync(browser, "", OldPassword)).ShouldContain(AccountText.NewEmailRequired);

        (await _host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.ToAddress == target))).ShouldBe(0);
    }

    [Theory]
    [InlineData("no-reply@{0}")]
    [InlineData("jan@ex\u0430mple-{0}")] // a Cyrillic "а" among Latin letters
    public async Task NoReplyOrLookalikeAddress_Refused_AndNothingMailed(string pattern)
    {
        var email = $"mover@{Senders.UniqueDomain()}";
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Senders.UniqueDomain());
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);

        var mailsBefore = await _host.QueryAsync(db => db.EmailOutbox.CountAsync());

        var page = await RequestAsync(browser, target, OldPassword);

        page.ShouldContain(AccountText.NewEmailNotAllowed);
        page.ShouldNotContain(AccountText.CheckNewMailboxTitle);
        (await _host.QueryAsync(db => db.EmailOutbox.CountAsync())).ShouldBe(mailsBefore, "nothing is mailed to the refused address");
    }

    [Fact]
    public async Task UsedTamperedOrVoidedLink_RefusedWithAReadablePage()
    {
        var email = $"misuse@{Senders.UniqueDomain()}";
        var first = $"first@{Senders.UniqueDomain()}";
        var second = $"second@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);
        var voided = await LinkAsync(_host, browser, first);
        var link = await LinkAsync(_host, browser, second);

        await ShouldBeRefusedAsync(browser, voided, "a newer request voids the older link");
        await ShouldBeRefusedAsync(browser, link[..^20] + (link[^20] == 'A' ? 'B' : 'A') + link[^19..], "tampered");
        await ShouldBeRefusedAsync(browser, "/account/confirm-email", "no token");
        var confirmPage = await browser.GetPageAsync(link);
        using (var replay = new BrowserClient(_host))
        {
            var otherTab = await replay.GetPageAsync(link);
            (await ConfirmAsync(browser, link)).ShouldContain(AccountText.EmailChangedTitle);

            await ShouldBeRefusedAsync(browser, link, "used");
            using var replayed = await replay.PostAsync("/account/confirm-email", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(otherTab),
                ["token"] = Token(link),
            });
            replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a second tab cannot spend the link again");
            (await replayed.Content.ReadAsStringAsync(Cancellation)).ShouldContain(AccountText.EmailLinkInvalidTitle);
        }

        confirmPage.ShouldContain(second);
        (await SignedInAddressAsync(browser)).ShouldBe(second);
        (await CanSignInAsync(_host, first, OldPassword)).ShouldBeFalse("the voided request's address never became the account's");
    }

    [Fact]
    public async Task AnotherUsersLink_ChangesOnlyTheAccountItWasSentFor()
    {
        var owner = $"owner@{Senders.UniqueDomain()}";
        var bystander = $"bystander@{Senders.UniqueDomain()}";
        var target = $"target@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(owner, OldPassword);
        await fixture.CreateAccountAsync(bystander, OldPassword);
        using var ownerBrowser = await SignedInAsync(_host, owner, OldPassword);
        using var bystanderBrowser = await SignedInAsync(_host, bystander, OldPassword);
        var link = await LinkAsync(_host, ownerBrowser, target);

        var done = await ConfirmAsync(bystanderBrowser, link);

        done.ShouldContain(AccountText.EmailChangedTitle);
        done.ShouldContain("href=\"/account/login?login_hint=", customMessage: "the confirming browser is not the owner's: it is sent to sign in");
        (await SignedInAddressAsync(bystanderBrowser)).ShouldBe(bystander, "the bystander's own account and session are untouched");
        (await SignedInAddressAsync(ownerBrowser)).ShouldBeNull("the owner's other sessions end");
        (await CanSignInAsync(_host, target, OldPassword)).ShouldBeTrue("the owner's account has the new address");
        (await CanSignInAsync(_host, bystander, OldPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task ExpiredLink_RefusedWithAReadablePage()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("email_change_expiry"),
            SelfServiceFixture.Configure(new Dictionary<string, string?> { ["Accounts:EmailChange:LinkLifetime"] = "00:30:00" })) { Clock = clock }.StartAsync();
        var email = $"late@{Senders.UniqueDomain()}";
        var target = $"later@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(host, email, OldPassword);
        var link = await LinkAsync(host, browser, target);
        (await Mailbox.WaitForAsync(host, target, ConfirmSubject)).Single().Text.ShouldNotBeNull().ShouldContain("for 30 minutes");
        (await browser.GetPageAsync(link)).ShouldContain(target);

        clock.Advance(TimeSpan.FromMinutes(31));

        await ShouldBeRefusedAsync(browser, link, "expired");
        (await CanSignInAsync(host, email, OldPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task AddressTakenBeforeTheLinkIsFollowed_NothingChanges_AndThePageSaysWhy()
    {
        var email = $"slow@{Senders.UniqueDomain()}";
        var target = $"contested@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, OldPassword);
        using var browser = await SignedInAsync(_host, email, OldPassword);
        var link = await LinkAsync(_host, browser, target);
        await fixture.CreateAccountAsync(target, "someone else's passphrase");

        var refused = await SubmitConfirmAsync(browser, link);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync(Cancellation)).ShouldContain(AccountText.EmailTakenText(target));
        (await SignedInAddressAsync(browser)).ShouldBe(email, "the account keeps its address and its session");
    }

    /// <summary>Asks for the change on /account/email; returns the page's HTML.</summary>
    private static async Task<string> RequestAsync(BrowserClient browser, string newEmail, string password)
    {
        using var response = await browser.SubmitFormAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    /// <summary>Asks for the change and returns the link from the confirmation e-mail.</summary>
    private static async Task<string> LinkAsync(IdentityHost host, BrowserClient browser, string newEmail)
    {
        (await RequestAsync(browser, newEmail, OldPassword)).ShouldContain(AccountText.CheckNewMailboxTitle);
        return Mailbox.LinksTo((await Mailbox.WaitForAsync(host, newEmail, ConfirmSubject)).ShouldHaveSingleItem(), "/account/confirm-email").ShouldHaveSingleItem();
    }

    private static async Task<string> ConfirmAsync(BrowserClient browser, string link)
    {
        using var response = await SubmitConfirmAsync(browser, link);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    private static Task<HttpResponseMessage> SubmitConfirmAsync(BrowserClient browser, string link) =>
        browser.SubmitFormAsync(link, new Dictionary<string, string>());

    private static async Task ShouldBeRefusedAsync(BrowserClient browser, string link, string why)
    {
        using var response = await browser.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        html.ShouldContain(AccountText.EmailLinkInvalidTitle, customMessage: why);
        html.ShouldContain("href=\"/account/email\"", customMessage: "a way to ask again");
        html.ShouldNotContain(AccountText.ConfirmEmailButton, customMessage: why);
    }

    private static string Token(string link) => TokenParameter().Match(link).Groups[1].Value;

    /// <summary>The page without what differs by nature: the antiforgery token and the address typed.</summary>
    private static string Comparable(string html, string address) =>
        AntiforgeryInput().Replace(html, "").Replace(address, "ADDRESS", StringComparison.Ordinal);

    [GeneratedRegex("token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenParameter();

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryInput();
}
