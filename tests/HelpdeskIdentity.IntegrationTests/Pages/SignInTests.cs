using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

public sealed class SignInTests(SignInFixture fixture) : IClassFixture<SignInFixture>
{
    private const string Password = "correct horse battery staple";
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task SignInRedirect_ForgedHostHeader_NamesOnlyThePath()
    {
        using var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/password");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/account/login?returnUrl=%2Faccount%2Fpassword", "review finding 12: never a host from the request");
    }

    [Fact]
    public async Task LoginPage_Get_ShowsLabelledFieldsSupportContactAndLinks()
    {
        using var browser = new BrowserClient(_host);

        var html = await browser.GetPageAsync("/account/login");

        html.ShouldContain("""<label for="email">E-mail address</label>""");
        html.ShouldContain("""<input id="email" name="Input.Email" type="email" """);
        html.ShouldContain("""<label for="password">Password</label>""");
        html.ShouldContain("""<input id="password" name="Input.Password" type="password" """);
        html.ShouldContain("""<label for="keep-signed-in">Keep me signed in</label>""");
        html.ShouldContain($"""<a href="mailto:{SignInFixture.SupportEmail}">{SignInFixture.SupportEmail}</a>""");
        WebUtility.HtmlDecode(html).ShouldContain(SignInFixture.SupportPhone, customMessage: "as the browser shows it");
        html.ShouldContain("""href="/account/forgot-password""");
        html.ShouldContain("""href="/account/register""");
        html.ShouldContain("Acme Helpdesk");
        BrowserClient.AntiforgeryToken(html).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task CorrectPassword_LocalReturnUrl_RedirectsThereWithSessionOnlyCookie()
    {
        var email = $"jan@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password, "Jan Jansen");
        using var browser = new BrowserClient(_host);

        using var response = await browser.SubmitFormAsync("/account/login?returnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dportal",
            Credentials(email.ToUpperInvariant(), Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/connect/authorize?client_id=portal");
        var cookie = BrowserClient.SetCookie(response, SessionCookie.CookieName).ShouldNotBeNull();
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteMode.Lax);
        cookie.Expires.ShouldBeNull("without \"keep me signed in\" the cookie ends with the browser session");
        cookie.MaxAge.ShouldBeNull();
    }

    [Fact]
    public async Task CorrectPassword_KeepMeSignedIn_SetsPersistentCookieForTheKeepSignedInLifetime()
    {
        var email = $"keep@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);

        using var response = await browser.SubmitFormAsync("/account/login", Credentials(email, Password, keepSignedIn: true));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = BrowserClient.SetCookie(response, SessionCookie.CookieName).ShouldNotBeNull();
        cookie.HttpOnly.ShouldBeTrue();
        cookie.Expires.ShouldNotBeNull().ShouldBe(DateTimeOffset.UtcNow + SignInFixture.KeepSignedInLifetime, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SignedIn_HomePage_ShowsTheUserAndSignOutEndsTheSession()
    {
        var email = $"piet@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password, "Piet Pieters");
        using var browser = new BrowserClient(_host);
        (await browser.GetPageAsync("/")).ShouldContain(PageText.NotSignedIn);

        using var signIn = await browser.SubmitFormAsync("/account/login", Credentials(email, Password));
        var home = await browser.GetPageAsync("/");

        home.ShouldContain($"{PageText.SignedInAs} <strong>Piet Pieters</strong> ({email})");
        using var signOut = await browser.SubmitFormAsync("/", new Dictionary<string, string>());
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/")).ShouldContain(PageText.NotSignedIn);
    }

    [Fact]
    public async Task BadCredentials_UnknownUnclaimedOrWrongPassword_SameMessageAndNoSession()
    {
        var domain = Senders.UniqueDomain();
        await fixture.CreateAccountAsync($"known@{domain}", Password);
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"unclaimed@{domain}"));
        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync($"unclaimed@{domain}") == 1, "intake created the unclaimed account");

        foreach (var (email, password) in new[] { ($"known@{domain}", "not the password"), ($"nobody@{domain}", Password), ($"unclaimed@{domain}", Password) })
        {
            using var browser = new BrowserClient(_host);
            using var response = await browser.SubmitFormAsync("/account/login", Credentials(email, password));

            response.StatusCode.ShouldBe(HttpStatusCode.OK, email);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            html.ShouldContain($"""<p id="form-error" class="error-summary" role="alert">{PageText.InvalidCredentials}</p>""", customMessage: email);
            html.ShouldContain("""aria-describedby="form-error""", customMessage: email);
            html.ShouldNotContain("locked", Case.Insensitive, email);
            BrowserClient.SetCookie(response, SessionCookie.CookieName).ShouldBeNull(email);
        }
    }

    [Fact]
    public async Task EmptyForm_Post_ShowsErrorsTiedToTheirFields()
    {
        using var browser = new BrowserClient(_host);

        using var response = await browser.SubmitFormAsync("/account/login", Credentials("", ""));

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain($"""<p id="email-error" class="field-error">{PageText.EmailRequired}</p>""");
        html.ShouldContain($"""<p id="password-error" class="field-error">{PageText.PasswordRequired}</p>""");
        html.ShouldContain("""aria-describedby="email-error""");
        html.ShouldContain("""aria-describedby="password-error""");
    }

    [Fact]
    public async Task CorrectPassword_ReturnUrlWithNonAsciiCharacters_RedirectsThereEncoded_AHeaderKestrelSends()
    {
        var email = $"unicode@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);

        using var response = await browser.SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString("/été?q=ü ok")}", Credentials(email, Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/%C3%A9t%C3%A9?q=%C3%BC%20ok");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task CorrectPassword_OffSiteReturnUrl_RedirectsHomeNeverOffSite(string returnUrl)
    {
        var email = $"redirect@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);

        using var response = await browser.SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", Credentials(email, Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task LoginPost_WithoutAntiforgeryToken_IsRefusedWith400()
    {
        var email = $"csrf@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);
        await browser.GetPageAsync("/account/login");

        using var response = await browser.PostAsync("/account/login", Credentials(email, Password));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        BrowserClient.SetCookie(response, SessionCookie.CookieName).ShouldBeNull();
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldContain("This form has expired", Case.Sensitive, "a person gets a readable page, not a bare 400");
        page.ShouldContain("href=\"/account/login\"");
    }

    [Theory]
    [InlineData("TRACE", "/account/register/confirm")]
    [InlineData("TRACE", "/account/set-password")]
    [InlineData("TRACE", "/account/login/two-factor")]
    public async Task MethodNoHandlerAnswers_Is405NamingTheMethodsItDoes_NeverThePageWithoutItsHandler(string method, string page)
    {
        using var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), page), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["GET", "HEAD", "POST"]);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("<form method=\"post\" action=\"" + page);
    }

    [Fact]
    public async Task UnknownPage_IsA404PageWithTheSupportContact_ButProtocolPathsKeepTheirOwnAnswers()
    {
        using var browser = new BrowserClient(_host);

        using var page = await browser.GetAsync("/account/no-such-page");
        using var protocol = await browser.GetAsync("/connect/no-such-endpoint");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("Page not found");
        html.ShouldContain(SignInFixture.SupportEmail);
        protocol.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await protocol.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var email = $"locked@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host);

        string html = "";
        for (var attempt = 1; attempt <= SignInFixture.MaxFailedAttempts; attempt++)
        {
            using var failed = await browser.SubmitFormAsync("/account/login", Credentials(email, $"wrong {attempt}"));
            html = await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        html.ShouldContain(PageText.LockedOut, customMessage: "the attempt that locks says so");
        using var right = await browser.SubmitFormAsync("/account/login", Credentials(email, Password));
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.LockedOut);
        BrowserClient.SetCookie(right, SessionCookie.CookieName).ShouldBeNull();
        var lockoutEnd = await _host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task WrongPasswordsSentAtTheSameMoment_EachCounts_AndTheAccountLocks()
    {
        var email = $"burst@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, Password);
        var clientIp = TestClientAddress.Unique(); // its own sign-in budget, apart from the other tests'
        var browsers = Enumerable.Range(0, SignInFixture.MaxFailedAttempts).Select(_ => new BrowserClient(_host, clientIp)).ToList();
        var forms = await Task.WhenAll(browsers.Select(b => b.GetPageAsync("/account/login")));

        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync("/account/login", new Dictionary<string, string>(Credentials(email, $"guess {i}"))
        {
            ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(forms[i]),
        })));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        var lockoutEnd = await _host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull("every guess counted, so the last one locked the account").ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        using var owner = new BrowserClient(_host, TestClientAddress.Unique());
        using var right = await owner.SubmitFormAsync("/account/login", Credentials(email, Password));
        (await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.LockedOut);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        browsers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task LongPassword_IsAcceptedWholeAndNeverTruncated()
    {
        var email = $"long@{Senders.UniqueDomain()}";
        var longPassword = string.Concat(Enumerable.Repeat("päss wörd ", 20)); // 200 characters
        await fixture.CreateAccountAsync(email, longPassword);
        using var browser = new BrowserClient(_host);

        using var truncated = await browser.SubmitFormAsync("/account/login", Credentials(email, longPassword[..72]));
        using var whole = await browser.SubmitFormAsync("/account/login", Credentials(email, longPassword));

        (await truncated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.InvalidCredentials);
        whole.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task LoginPage_Get_SendsSecurityHeaders()
    {
        using var browser = new BrowserClient(_host);

        using var response = await browser.GetAsync("/account/login");

        var csp = response.Headers.GetValues(HeaderNames.ContentSecurityPolicy).ShouldHaveSingleItem();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("form-action");
        response.Headers.GetValues(HeaderNames.XFrameOptions).ShouldHaveSingleItem().ShouldBe("DENY");
        response.Headers.GetValues(HeaderNames.XContentTypeOptions).ShouldHaveSingleItem().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task Stylesheets_AreServedLocally_WithTheConfiguredBrandColour()
    {
        using var browser = new BrowserClient(_host);

        (await browser.GetPageAsync("/css/site.css")).ShouldContain("--brand");
        (await browser.GetPageAsync("/css/brand.css")).ShouldContain("--brand: #1f4e79;");
    }

    private static Dictionary<string, string> Credentials(string email, string password, bool keepSignedIn = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (keepSignedIn)
        {
            fields["Input.KeepSignedIn"] = "true";
        }

        return fields;
    }
}
