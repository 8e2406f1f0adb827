using System.Net;
using System.Text.Json;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>The register page, its links, prompt=create and the organisation in tokens (issue 5, docs/decisions/0017 and 0018).</summary>
public sealed class RegistrationTests(RegistrationFixture fixture) : IClassFixture<RegistrationFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterPage_Get_ShowsLabelledFieldsTheSupportContactAndTheWayToSignIn()
    {
        using var browser = new BrowserClient(_host);

        var html = await browser.GetPageAsync("/account/register?login_hint=jan%40example.nl");

        html.ShouldContain($"<h1>{RegisterText.Title}</h1>");
        html.ShouldContain("""<label for="email">E-mail address</label>""");
        html.ShouldContain("""<input id="email" name="Input.Email" type="email" value="jan@example.nl" """);
        html.ShouldContain("""<label for="name">Your name</label>""");
        html.ShouldContain($"mailto:{PasswordResetFixture.SupportEmail}");
        html.ShouldContain("""<a href="/account/login">Already have an account? Sign in</a>""");
    }

    [Theory]
    [InlineData("nl", "Maak je account aan", "Je naam")]
    [InlineData("de", "Konto anlegen", "Ihr Name")]
    [InlineData("sv", "Skapa ditt konto", "Ditt namn")]
    public async Task RegisterPage_InAnotherLanguage_SpeaksIt(string language, string title, string nameLabel)
    {
        using var browser = new BrowserClient(_host);

        var html = await browser.GetPageAsync($"/account/register?ui_locales={language}");

        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain($"<label for=\"name\">{nameLabel}</label>");
    }

    [Fact]
    public async Task PromptCreate_ColleagueOfATicketSender_RegistersAndReturnsToThePortalInTheSameOrganization()
    {
        var domain = Senders.UniqueDomain("acme");
        var organization = (await Registering.TicketFromAsync(_host, $"first@{domain}")).ShouldNotBeNull();
        var email = $"colleague@{domain}";
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);

        var registerUrl = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl("openid profile email organization",
            ("prompt", "create"), ("login_hint", email), ("ui_locales", "nl"))));

        registerUrl.ShouldStartWith("/account/register?");
        var page = await browser.GetPageAsync(registerUrl);
        page.ShouldContain($"value=\"{email}\"", Case.Sensitive, "login_hint pre-fills the address");
        page.ShouldContain("<h1>Maak je account aan</h1>", Case.Sensitive, "ui_locales chose the language");
        await Registering.PostAsync(browser, email, "Coline Collega", registerUrl);
        var mail = (await Mailbox.WaitForAsync(_host, email, $"[{PasswordResetFixture.ProductName}] Bevestig je e-mailadres")).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain("ui_locales=nl");
        var link = Registering.ConfirmLinks(mail).ShouldHaveSingleItem();
        using var created = await browser.SubmitFormAsync(link, Registering.Passwords(Registering.Password));
        var authorize = CodeFlow.Location(created);
        authorize.ShouldStartWith("/connect/authorize?");
        QueryHelpers.ParseQuery(authorize[authorize.IndexOf('?', StringComparison.Ordinal)..]).ShouldNotContainKey("prompt", "the return does not ask again");
        var callback = CodeFlow.Callback(await browser.GetAsync(authorize));
        callback["state"].ShouldBe(flow.State);
        var protocol = new ProtocolClient(_host.CreateClient());
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(protocol, callback["code"]));

        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        idToken.GetClaim("email").Value.ShouldBe(email);
        idToken.GetClaim("email_verified").Value.ShouldBe("true");
        idToken.GetClaim("name").Value.ShouldBe("Coline Collega");
        var claim = JsonDocument.Parse(idToken.GetClaim("organization").Value).RootElement;
        claim.GetProperty("id").GetString().ShouldBe(organization.ToString(), "the same organisation as the colleague who mailed the helpdesk");
        claim.GetProperty("domain").GetString().ShouldBe(domain);
        claim.GetProperty("name").GetString().ShouldBe(domain);
        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfoRequest.Headers.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        using var userInfo = await protocol.Http.SendAsync(userInfoRequest, Cancellation);
        var info = await ProtocolClient.JsonAsync(userInfo);
        info.GetProperty("organization").GetProperty("id").GetString().ShouldBe(organization.ToString());
        info.GetProperty("organization").GetProperty("domain").GetString().ShouldBe(domain);
    }

    [Fact]
    public async Task Registering_LeavesOneAccountCreatedEvent_MarkedRegistration()
    {
        var domain = Senders.UniqueDomain("audited");
        await Registering.TicketFromAsync(_host, $"first@{domain}");
        var email = $"registrant@{domain}";
        using var browser = new BrowserClient(_host);

        using var created = await Registering.RegisterAsync(_host, browser, email, "Rita Registrant");

        created.StatusCode.ShouldBe(HttpStatusCode.Found);
        var id = await _host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(Cancellation));
        var events = await _host.QueryAsync(db => db.AuditEvents.Where(e => e.AccountId == id && e.Type == "account.created").ToListAsync(Cancellation));
        var createdEvent = events.ShouldHaveSingleItem();
        (createdEvent.Detail, createdEvent.Outcome).ShouldBe(("registration", "success"));
    }

    [Fact]
    public async Task PromptCreate_ExistingAccount_SetPasswordLinkReturnsToThePortal()
    {
        var domain = Senders.UniqueDomain("acme");
        var email = $"first@{domain}";
        await Registering.TicketFromAsync(_host, email);
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);
        var registerUrl = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl(extra: [("prompt", "create"), ("login_hint", email)])));

        await Registering.RequestAsync(browser, email, "Jan Jansen", registerUrl);
        var link = Mailbox.Links(await Registering.MailAsync(_host, email, Registering.ExistingSubject)).ShouldHaveSingleItem();
        using var set = await browser.SubmitFormAsync(link, Registering.Passwords(Registering.Password));

        CodeFlow.Callback(await browser.GetAsync(CodeFlow.Location(set)))["state"].ShouldBe(flow.State);
    }

    [Fact]
    public async Task Discovery_AdvertisesPromptCreate_AndPromptNoneCreateIsRefused()
    {
        var discovery = await ProtocolClient.JsonAsync(await _host.CreateClient().GetAsync("/.well-known/openid-configuration", Cancellation));
        discovery.GetProperty("prompt_values_supported").EnumerateArray().Select(v => v.GetString()).ShouldBe(["none", "login", "create", "consent"], ignoreOrder: true);
        using var browser = new BrowserClient(_host);
        var flow = new CodeFlow(browser);

        var callback = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl(extra: ("prompt", "none create"))));

        callback["error"].ShouldBe("invalid_request");
        callback["state"].ShouldBe(flow.State);
    }

    [Fact]
    public async Task Answer_SameBodyForEveryKindOfAddress()
    {
        var domain = Senders.UniqueDomain("acme");
        await Registering.TicketFromAsync(_host, $"first@{domain}");
        using var browser = new BrowserClient(_host);
        string[] addresses = [$"first@{domain}", $"new@{domain}", $"x@{Senders.UniqueDomain("fresh")}", $"reg-{Guid.NewGuid():N}@gmail.com"];

        var bodies = new List<string>();
        foreach (var address in addresses)
        {
            bodies.Add(Registering.WithoutAntiforgery(await Registering.RequestAsync(browser, address, "Jan Jansen")));
        }

        bodies.Distinct().ShouldHaveSingleItem("existing account, new colleague, unknown domain and public provider get one answer");
        await Registering.MailAsync(_host, addresses[0], Registering.ExistingSubject);
        await Registering.MailAsync(_host, addresses[1], Registering.ConfirmSubject);
        await Registering.MailAsync(_host, addresses[2], Registering.NotAllowedSubject);
        await Registering.MailAsync(_host, addresses[3], Registering.NotAllowedSubject);
    }

    [Fact]
    public async Task NoReplyAddress_SameAnswer_ButNoAccountAndNoMail()
    {
        var robot = await ColleagueAsync("no-reply");
        var person = robot.Replace("no-reply@", "person@", StringComparison.Ordinal);
        using var browser = new BrowserClient(_host);

        var robotBody = await Registering.RequestAsync(browser, robot, "Robot");
        var personBody = await Registering.RequestAsync(browser, person, "Robot");

        Registering.WithoutAntiforgery(robotBody).ShouldBe(Registering.WithoutAntiforgery(personBody));
        // Requests are handled in order, their e-mails committed with them: once the person's is out, the robot's was decided.
        await Registering.MailAsync(_host, person, Registering.ConfirmSubject);
        (await _host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.ToAddress == robot))).ShouldBe(0);
        (await _host.CountAccountsAsync(robot)).ShouldBe(0);
    }

    [Theory]
    [InlineData("jan@exаmple.nl")] // Cyrillic а (U+0430) among Latin letters
    [InlineData("jan@раураl.com")] // all Cyrillic before a Latin top-level domain
    [InlineData("jan@xn--exmple-4nf.nl")] // the first one, written as its A-label
    public async Task LookalikeDomain_RefusedOnThePageWithTheReason(string email)
    {
        using var browser = new BrowserClient(_host);

        var html = await Registering.PostAsync(browser, email, "Jan Jansen");

        html.ShouldContain("""<p id="email-error" class="field-error">The domain of this address mixes letters of different alphabets""");
        html.ShouldNotContain(PageText.CheckMailboxTitle);
    }

    [Fact]
    public async Task InternationalDomainInOneScript_Accepted()
    {
        using var browser = new BrowserClient(_host);

        await Registering.RequestAsync(browser, "jan@bücher-xyz.de", "Jan Jansen");

        // The To header carries the domain's A-label; the text speaks the Unicode form.
        var to = "jan@" + new System.Globalization.IdnMapping().GetAscii("bücher-xyz.de");
        (await Registering.MailAsync(_host, to, Registering.NotAllowedSubject)).Text.ShouldNotBeNull()
            .ShouldContain("The helpdesk does not know an organisation with the domain bücher-xyz.de yet");
    }

    [Fact]
    public async Task EmptyForm_ShowsBothErrorsTiedToTheirFields()
    {
        using var browser = new BrowserClient(_host);

        var html = await Registering.PostAsync(browser, "", "");

        html.ShouldContain("""<p id="email-error" class="field-error">Enter your e-mail address.</p>""");
        html.ShouldContain($"""<p id="name-error" class="field-error">{RegisterText.NameRequired}</p>""");
        html.ShouldContain("aria-describedby=\"name-error\"");
    }

    [Fact]
    public async Task LookalikeDomainAndBadName_BothShownAtOnce()
    {
        using var browser = new BrowserClient(_host);

        var html = await Registering.PostAsync(browser, "jan@exаmple.nl", new string('j', 201));

        html.ShouldContain("""<p id="email-error" class="field-error">The domain of this address mixes letters""");
        html.ShouldContain("""<p id="name-error" class="field-error">A name is at most 200 characters.</p>""");
    }

    [Theory]
    [InlineData(201, "A name is at most 200 characters.")]
    [InlineData(10_000, "A name is at most 200 characters.")]
    public async Task VeryLongName_Refused(int length, string message)
    {
        using var browser = new BrowserClient(_host);

        var html = await Registering.PostAsync(browser, $"long@{Senders.UniqueDomain()}", new string('j', length));

        html.ShouldContain($"""<p id="name-error" class="field-error">{message}</p>""");
        html.ShouldNotContain(PageText.CheckMailboxTitle);
    }

    [Theory]
    [InlineData("Jan <a href=\"https://evil.example/\">win a prize</a>")]
    [InlineData("Visit www.evil.example now")]
    [InlineData("Jan\u0007Jansen")]
    public async Task NameWithALinkOrControlCharacter_Refused(string name)
    {
        using var browser = new BrowserClient(_host);

        var html = await Registering.PostAsync(browser, $"spam@{Senders.UniqueDomain()}", name);

        html.ShouldContain(RegisterText.NameInvalid);
        html.ShouldNotContain(PageText.CheckMailboxTitle);
    }

    [Theory]
    [InlineData("Jan <script>alert(1)</script> <a href=\"javascript:alert(2)\">Boss</a>", "Boss")]
    [InlineData("Security team: verify your account at evil.example/reset", "evil.example")]
    public async Task TheTypedName_NeverReachesTheEmail_ToAnUnprovenAddress(string name, string telltale)
    {
        var email = await ColleagueAsync("markup");
        using var browser = new BrowserClient(_host);

        await Registering.RequestAsync(browser, email, name);

        var mail = await Registering.MailAsync(_host, email, Registering.ConfirmSubject);
        mail.Text.ShouldNotBeNull().ShouldStartWith("Hello,\n", customMessage: "a generic greeting");
        mail.Text.ShouldNotContain(telltale);
        mail.Html.ShouldNotBeNull().ShouldNotContain(telltale);
        mail.Html.ShouldNotContain("<script");
        mail.Header("to").ShouldNotContain(telltale);
    }

    [Fact]
    public async Task UsedLink_RefusedWithTheClearPage_AndNoSecondAccount()
    {
        var (browser, link, email) = await LinkAsync();
        using (browser)
        {
            using var created = await browser.SubmitFormAsync(link, Registering.Passwords(Registering.Password));
            CodeFlow.Location(created).ShouldBe("/");

            await ShouldBeRefusedAsync(browser, link);
            (await _host.CountAccountsAsync(email)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task TamperedLink_Refused_AndTheRealOneStillWorks()
    {
        var (browser, link, _) = await LinkAsync();
        using (browser)
        {
            await ShouldBeRefusedAsync(browser, link[..^1] + (link[^1] == 'A' ? 'B' : 'A'));
            await ShouldBeRefusedAsync(browser, "/account/register/confirm");
            (await browser.GetPageAsync(link)).ShouldContain(RegisterText.ConfirmTitle);
        }
    }

    [Fact]
    public async Task OlderLink_VoidedByANewerOne()
    {
        var email = await ColleagueAsync("twice");
        using var browser = new BrowserClient(_host);
        await Registering.RequestAsync(browser, email, "Jan Jansen");
        var first = Registering.ConfirmLinks(await Registering.MailAsync(_host, email, Registering.ConfirmSubject)).Single();

        await Registering.RequestAsync(browser, email, "Jan Jansen");
        var second = (await Mailbox.WaitForAsync(_host, email, Registering.ConfirmSubject, 2)).SelectMany(Registering.ConfirmLinks).Single(l => l != first);

        await ShouldBeRefusedAsync(browser, first);
        (await browser.GetPageAsync(second)).ShouldContain(email);
    }

    [Fact]
    public async Task RefusedPassword_ShowsTheRules_CreatesNothing_AndTheLinkStillWorks()
    {
        var (browser, link, email) = await LinkAsync();
        using (browser)
        {
            (await browser.GetPageAsync(link)).ShouldContain(">At least 15 characters. ");
            using (var refused = await browser.SubmitFormAsync(link, Registering.Passwords("jan jansen is my name")))
            {
                refused.StatusCode.ShouldBe(HttpStatusCode.OK);
                var html = await refused.Content.ReadAsStringAsync(Cancellation);
                html.ShouldContain("id=\"new-password-error\"");
                html.ShouldContain("Jan Jansen", customMessage: "the form still shows the name being registered");
            }

            (await _host.CountAccountsAsync(email)).ShouldBe(0);
            using var created = await browser.SubmitFormAsync(link, Registering.Passwords(Registering.Password));
            CodeFlow.Location(created).ShouldBe("/");
        }
    }

    [Fact]
    public async Task ForgotPassword_NoAccountAtADomainThatMayRegister_MailsARegisterLinkThatPreFillsTheAddress()
    {
        var email = await ColleagueAsync("colleague");
        var publicEmail = $"reg-{Guid.NewGuid():N}@gmail.com";
        using var browser = new BrowserClient(_host);

        foreach (var address in new[] { email, publicEmail })
        {
            using var sent = await browser.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = address });
            sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var subject = $"[{PasswordResetFixture.ProductName}] Set your password";
        var mail = (await Mailbox.WaitForAsync(_host, email, subject)).ShouldHaveSingleItem();
        mail.Text.ShouldNotBeNull().ShouldContain("You can also open a portal account with this address yourself");
        mail.Html.ShouldNotBeNull().ShouldContain("Register with this address</a>");
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text, @"https://id\.helpdesk\.test(/account/register\?\S+)").Groups[1].Value;
        (await browser.GetPageAsync(link)).ShouldContain($"value=\"{email}\"");
        var publicMail = (await Mailbox.WaitForAsync(_host, publicEmail, subject)).ShouldHaveSingleItem();
        publicMail.Text.ShouldNotBeNull().ShouldContain("No portal account uses this address.");
        publicMail.Text.ShouldNotContain("/account/register", customMessage: "a public provider's address may not register in known-domains mode");
    }

    /// <summary>An address at the domain of an organisation a ticket created: a colleague of its sender.</summary>
    private async Task<string> ColleagueAsync(string localPart)
    {
        var domain = Senders.UniqueDomain("acme");
        await Registering.TicketFromAsync(_host, $"first@{domain}");
        return $"{localPart}@{domain}";
    }

    /// <summary>A colleague of a ticket sender asks to register: a browser and the verification link it was mailed.</summary>
    private async Task<(BrowserClient Browser, string Link, string Email)> LinkAsync()
    {
        var email = await ColleagueAsync("new");
        var browser = new BrowserClient(_host);
        await Registering.RequestAsync(browser, email, "Jan Jansen");
        return (browser, Registering.ConfirmLinks(await Registering.MailAsync(_host, email, Registering.ConfirmSubject)).ShouldHaveSingleItem(), email);
    }

    private static async Task ShouldBeRefusedAsync(BrowserClient browser, string link)
    {
        using var response = await browser.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, link);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        html.ShouldContain(RegisterText.LinkInvalidTitle);
        html.ShouldContain("href=\"/account/register\"");
        html.ShouldNotContain("name=\"Input.NewPassword\"");
    }
}
