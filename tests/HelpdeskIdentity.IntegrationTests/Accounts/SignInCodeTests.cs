using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>"E-mail me a sign-in code" (issue 16, docs/decisions/0036-email-sign-in-code.md).</summary>
public sealed partial class SignInCodeTests(PasswordResetFixture fixture, LocalServers servers) : IClassFixture<PasswordResetFixture>
{
    private const string CodeSubject = $"[{PasswordResetFixture.ProductName}] Your sign-in code";
    private const string Password = "correct horse battery staple";
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnclaimedAccountDuringCodeFlow_RightCode_SignsInVerifiesTheAddressAndReturnsToThePortal()
    {
        var email = $"coded@{Senders.UniqueDomain()}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"\"Kim Coder\" <{email}>"));
        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync(email) == 1, "intake created the unclaimed account");
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);
        var loginUrl = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl(extra: ("login_hint", email))));
        var codeUrl = WebUtility.HtmlDecode(CodeLink().Match(await browser.GetPageAsync(loginUrl)).Groups[1].Value);
        codeUrl.ShouldStartWith("/account/login/code?returnUrl=%2Fconnect%2Fauthorize%3F");

        var verifyUrl = await RequestCodeAsync(browser, codeUrl, email);
        var form = await browser.GetPageAsync(verifyUrl);
        form.ShouldContain(SignInCodeText.EnterCodeText(email, 10));
        var code = await CodeAsync(_host, email);
        using var signedIn = await browser.SubmitFormAsync(verifyUrl, Code(email, code));

        var authorize = CodeFlow.Location(signedIn);
        authorize.ShouldStartWith("/connect/authorize?");
        var callback = CodeFlow.Callback(await browser.GetAsync(authorize));
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(_host.CreateClient()), callback["code"]));
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        idToken.GetClaim("email").Value.ShouldBe(email);
        idToken.GetClaim("email_verified").Value.ShouldBe("true", "signing in with an e-mailed code proves the mailbox");
        (await _host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == email, Cancellation))).PasswordHash.ShouldBeNull("no password was needed");
    }

    [Fact]
    public async Task CodeFromTheEmailButton_FillsTheFormButSignsInOnlyWhenSent()
    {
        var email = $"button@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);
        await RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var mail = (await Mailbox.WaitForAsync(_host, email, CodeSubject)).ShouldHaveSingleItem();
        var link = Mailbox.LinksTo(mail, PagePaths.SignInCodeVerify).ShouldHaveSingleItem();

        var form = await browser.GetPageAsync(link);

        form.ShouldContain($"value=\"{CodeIn(mail)}\"");
        form.ShouldContain($"value=\"{email}\"");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull("opening the link signs nobody in");
        using var sent = await browser.SubmitFormAsync(link, Code(email, CodeIn(mail))); // what the filled-in form sends
        CodeFlow.Location(sent).ShouldBe("/");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);
    }

    [Fact]
    public async Task WrongCode_RefusedWithOneMessage_ThenTheRightCodeStillWorks()
    {
        var email = $"typo@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);
        var verifyUrl = await RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var code = await CodeAsync(_host, email);

        using (var wrong = await browser.SubmitFormAsync(verifyUrl, Code(email, OtherThan(code))))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync(Cancellation)).ShouldContain(SignInCodeText.CodeWrong);
            BrowserClient.SetCookie(wrong, SessionCookie.CookieName).ShouldBeNull();
        }

        using var right = await browser.SubmitFormAsync(verifyUrl, Code(email, $"{code[..3]} {code[3..]}"));
        CodeFlow.Location(right).ShouldBe("/", "a space typed in the code is ignored");
    }

    [Fact]
    public async Task UsedCode_RefusedTheSecondTime()
    {
        var email = $"twice@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);
        var verifyUrl = await RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var code = await CodeAsync(_host, email);
        using (var first = await browser.SubmitFormAsync(verifyUrl, Code(email, code)))
        {
            CodeFlow.Location(first).ShouldBe("/");
        }

        using var other = new BrowserClient(_host);
        using var replayed = await other.SubmitFormAsync(verifyUrl, Code(email, code));

        (await replayed.Content.ReadAsStringAsync(Cancellation)).ShouldContain(SignInCodeText.CodeWrong);
        (await SelfServiceFixture.SignedInAddressAsync(other)).ShouldBeNull();
    }

    [Fact]
    public async Task TooManyWrongCodes_VoidTheCode_EvenTheRightOneIsRefusedAfterwards()
    {
        var email = $"guesser@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);
        var verifyUrl = await RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var code = await CodeAsync(_host, email);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.SubmitFormAsync(verifyUrl, Code(email, OtherThan(code)));
            (await wrong.Content.ReadAsStringAsync(Cancellation)).ShouldContain(SignInCodeText.CodeWrong, customMessage: $"attempt {attempt}");
        }

        (await _host.QueryAsync(db => db.SignInCodes.CountAsync(row => row.AccountId == account.Id, Cancellation))).ShouldBe(0, "the fifth wrong code deleted it");
        using var right = await browser.SubmitFormAsync(verifyUrl, Code(email, code));
        (await right.Content.ReadAsStringAsync(Cancellation)).ShouldContain(SignInCodeText.CodeWrong);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
    }

    [Fact]
    public async Task UnknownAddress_SameAnswerAsAKnownOne_AndANoAccountEmailWithoutACode()
    {
        var known = $"known@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(known, Password);
        var unknown = $"nobody@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(_host);

        var knownAnswer = await RequestCodeAsync(browser, PagePaths.SignInCode, known);
        var unknownAnswer = await RequestCodeAsync(browser, PagePaths.SignInCode, unknown);

        unknownAnswer.Replace(unknown, "ADDRESS", StringComparison.Ordinal).ShouldBe(knownAnswer.Replace(known, "ADDRESS", StringComparison.Ordinal));
        unknownAnswer.ShouldContain(unknown, customMessage: "the answer names the address typed, whoever it belongs to");
        var mail = (await Mailbox.WaitForAsync(_host, unknown, CodeSubject)).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain("No portal account uses this address.");
        CodeDigits().IsMatch(mail.Text).ShouldBeFalse("no code for an address without an account");
        CodeIn((await Mailbox.WaitForAsync(_host, known, CodeSubject)).ShouldHaveSingleItem()).Length.ShouldBe(6);
        using var guessed = await browser.SubmitFormAsync(unknownAnswer, Code(unknown, "123456"));
        (await guessed.Content.ReadAsStringAsync(Cancellation)).ShouldContain(SignInCodeText.CodeWrong);
    }

    [Fact]
    public async Task LockedOutByWrongPasswords_TheRightCodeStillSignsIn_ThePasswordStaysRefusedUntilTheLockoutEnds()
    {
        var email = $"guessed@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, Password);
        using var guesser = new BrowserClient(_host);
        for (var attempt = 1; attempt <= PasswordResetFixture.MaxFailedAttempts; attempt++)
        {
            using var wrong = await guesser.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(email, $"guess {attempt}"));
        }

        (await SelfServiceFixture.CanSignInAsync(_host, email, Password)).ShouldBeFalse("the guesses locked the password out");
        using var owner = new BrowserClient(_host);
        var verifyUrl = await RequestCodeAsync(owner, PagePaths.SignInCode, email);
        using var right = await owner.SubmitFormAsync(verifyUrl, Code(email, await CodeAsync(_host, email)));

        CodeFlow.Location(right).ShouldBe("/", "the mailbox's owner is not shut out by someone guessing the password");
        (await SelfServiceFixture.SignedInAddressAsync(owner)).ShouldBe(email);
        (await SelfServiceFixture.CanSignInAsync(_host, email, Password)).ShouldBeFalse("the lockout still guards the password");
        var lockoutEnd = await _host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.LockoutEnd).SingleAsync(Cancellation));
        lockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ExpiredCode_Refused()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("sign_in_code_expiry"),
            PasswordResetFixture.Configure(Infrastructure.TestClients.Settings())) { Clock = clock }.StartAsync();
        var email = $"late@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(host);
        var verifyUrl = await RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var code = await CodeAsync(host, email);

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var late = await browser.SubmitFormAsync(verifyUrl, Code(email, code));
        (await late.Content.ReadAsStringAsync(Cancellation)).ShouldContain(SignInCodeText.CodeWrong);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
    }

    [Fact]
    public async Task SwitchedOff_NoChoiceOnTheSignInPage_AndThePagesAnswer404()
    {
        var settings = PasswordResetFixture.Configure(Infrastructure.TestClients.Settings());
        settings["Accounts:SignInCode:Enabled"] = "false";
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("sign_in_code_off"), settings).StartAsync();
        using var browser = new BrowserClient(host);

        (await browser.GetPageAsync("/account/login")).ShouldNotContain(PagePaths.SignInCode);
        (await browser.GetAsync(PagePaths.SignInCode)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(PagePaths.SignInCodeVerify)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Asks for a code on <paramref name="pageUrl"/>; returns where the browser is sent (the code form).</summary>
    internal static async Task<string> RequestCodeAsync(BrowserClient browser, string pageUrl, string email)
    {
        using var response = await browser.SubmitFormAsync(pageUrl, new Dictionary<string, string> { ["Input.Email"] = email });
        var location = CodeFlow.Location(response);
        location.ShouldStartWith(PagePaths.SignInCodeVerify + "?");
        return location;
    }

    /// <summary>The code in the newest sign-in code e-mail to the address.</summary>
    internal static async Task<string> CodeAsync(IdentityHost host, string email) =>
        CodeIn((await Mailbox.WaitForAsync(host, email, CodeSubject)).ShouldHaveSingleItem());

    private static string CodeIn(Api.Email.EmlMessage mail) => CodeDigits().Match(mail.Text ?? "").Groups[1].Value;

    private static string OtherThan(string code) => code == "000000" ? "000001" : "000000";

    private static Dictionary<string, string> Code(string email, string code) => new() { ["Input.Email"] = email, ["Input.Code"] = code };

    [GeneratedRegex("""href="(/account/login/code\?[^"]+)""")]
    private static partial Regex CodeLink();

    [GeneratedRegex(@"Your code to sign in to [^:]+: (\d{6,8})")]
    private static partial Regex CodeDigits();
}
