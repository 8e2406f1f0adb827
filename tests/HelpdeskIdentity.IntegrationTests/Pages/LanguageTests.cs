using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>
/// Which language a person sees (docs/decisions/0014-languages.md): the client's ui_locales, then the
/// remembered choice, then Accept-Language; e-mails in the language last used.
/// </summary>
public sealed class LanguageTests(PasswordResetFixture fixture) : IClassFixture<PasswordResetFixture>
{
    private const string Password = "correct horse battery staple";
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task UiLocalesFromTheClient_SignInPageInDutch_AndTheNextPageStaysDutch()
    {
        using var browser = new BrowserClient(_host);
        browser.Headers.AcceptLanguage.ParseAdd("de-DE"); // the client's ui_locales wins over the browser
        var flow = new CodeFlow(browser);

        var loginUrl = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl(extra: ("ui_locales", "nl-NL en"))));
        var login = await browser.GetPageAsync(loginUrl);
        login.ShouldContain("<html lang=\"nl\">");
        login.ShouldContain($"<h1>{In("nl", () => PageText.SignInTitle)}</h1>");
        login.ShouldContain(In("nl", () => PageText.ForgotPasswordLink));

        var forgot = await browser.GetPageAsync("/account/forgot-password"); // no ui_locales any more: the choice was remembered
        forgot.ShouldContain("<html lang=\"nl\">");
        forgot.ShouldContain(In("nl", () => PageText.ForgotPasswordTitle));
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "de")]
    [InlineData("sv-SE", "sv")]
    [InlineData("fr-FR,fr;q=0.9", "en")]
    public async Task AcceptLanguage_PicksTheBrowsersLanguage_OrEnglish(string acceptLanguage, string expected)
    {
        using var browser = new BrowserClient(_host);
        browser.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var page = await browser.GetPageAsync("/account/forgot-password");

        page.ShouldContain($"<html lang=\"{expected}\">");
        page.ShouldContain(In(expected, () => PageText.ForgotPasswordLead));
    }

    [Fact]
    public async Task LanguageLinks_ShowTheSamePageInAnotherLanguage_KeepingItsQuery()
    {
        using var browser = new BrowserClient(_host);

        var page = await browser.GetPageAsync("/account/login?returnUrl=%2F&login_hint=ann%40example.com");

        page.ShouldContain("<a href=\"/account/login?returnUrl=%2F&amp;login_hint=ann@example.com&amp;ui_locales=sv\" lang=\"sv\" hreflang=\"sv\">Svenska</a>");
        var swedish = await browser.GetPageAsync("/account/login?returnUrl=%2F&login_hint=ann%40example.com&ui_locales=sv");
        swedish.ShouldContain($"<h1>{In("sv", () => PageText.SignInTitle)}</h1>");
        swedish.ShouldContain("value=\"ann@example.com\"");
    }

    [Fact]
    public async Task ForgotPasswordInSwedish_TheEmailIsSwedish_ItsLinkOpensSwedish_AndSettingThePasswordRemembersSwedish()
    {
        var email = $"sven@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password, "Sven Svensson");
        using var browser = new BrowserClient(_host);

        using (var sent = await browser.SubmitFormAsync("/account/forgot-password?ui_locales=sv", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            (await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(In("sv", () => PageText.CheckMailboxText));
        }

        var subject = $"[{PasswordResetFixture.ProductName}] {In("sv", () => EmailText.SetPasswordSubject)}";
        var mail = (await Mailbox.WaitForAsync(_host, email, subject)).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain(In("sv", () => EmailText.GreetingNamed("Sven Svensson")));
        mail.Text.ShouldContain(In("sv", () => EmailText.SetPasswordIgnore));
        mail.Html.ShouldNotBeNull().ShouldContain("&amp;ui_locales=sv\"");
        (await _host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Language).SingleAsync()))
            .ShouldBeNull("asking for a link proves nothing: anyone can ask for any address");

        var link = Mailbox.Links(mail).ShouldHaveSingleItem() + "&ui_locales=sv";
        using var fresh = new BrowserClient(_host); // the link opened in another browser
        (await fresh.GetPageAsync(link)).ShouldContain($"<h1>{In("sv", () => PageText.SetPasswordTitle)}</h1>");
        using (await fresh.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.NewPassword"] = "ett helt nytt och långt lösenord", ["Input.ConfirmPassword"] = "ett helt nytt och långt lösenord" }))
        {
        }

        (await _host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Language).SingleAsync()))
            .ShouldBe("sv", "setting the password through the link proves the mailbox: its language is remembered");
    }

    [Fact]
    public async Task SignInWithAGermanBrowser_TheAccountRemembersGerman_AndItsPasswordChangedNoticeIsGerman()
    {
        var email = $"greta@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);
        browser.Headers.AcceptLanguage.ParseAdd("de");

        using (var signedIn = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password }))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Language).SingleAsync())).ShouldBe("de");

        using (await browser.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
        }

        var link = Mailbox.Links((await Mailbox.WaitForAsync(_host, email, $"[{PasswordResetFixture.ProductName}] {In("de", () => EmailText.SetPasswordSubject)}")).Single()).Single();
        using (await browser.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.NewPassword"] = "ein ganz neues langes Kennwort", ["Input.ConfirmPassword"] = "ein ganz neues langes Kennwort" }))
        {
        }

        var notice = (await Mailbox.WaitForAsync(_host, email, $"[{PasswordResetFixture.ProductName}] {In("de", () => EmailText.PasswordChangedSubject)}")).ShouldHaveSingleItem();
        notice.Text.ShouldNotBeNull().ShouldContain(In("de", () => EmailText.PasswordChangedWarning));
    }

    private static string In(string language, Func<string> text)
    {
        using var _ = Languages.Use(CultureInfo.GetCultureInfo(language));
        return HtmlEncoder.Create(UnicodeRanges.All).Encode(text()); // as the pages write it
    }
}
