using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>Sign-in and forgot-password posts over their limits get 429, Retry-After and a page that says to wait.</summary>
public sealed class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private const string Password = "correct horse battery staple";
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task SignIn_OverThePerAddressLimit_RefusedWith429RetryAfterAndReadablePage_EvenTheRightPassword()
    {
        var email = $"hammered@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var metric = new CounterRecorder("helpdesk_identity.rate_limited", "policy");
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());

        for (var attempt = 1; attempt <= RateLimitFixture.PerAddress; attempt++)
        {
            using var wrong = await browser.SubmitFormAsync("/account/login", Credentials(email, "not the password"));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            (await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.InvalidCredentials);
        }

        using var refused = await browser.SubmitFormAsync("/account/login", Credentials(email.ToUpperInvariant(), Password));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), RateLimitFixture.Window);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain($"<h1>{PageText.TooManyAttemptsTitle}</h1>");
        html.ShouldContain(PageText.ErrorTooManyAttempts);
        html.ShouldContain("""href="/account/login""");
        BrowserClient.SetCookie(refused, SessionCookie.CookieName).ShouldBeNull("a refused attempt signs nobody in");
        metric.Get("sign-in").ShouldBe(1, "this test's one refused post");
    }

    [Fact]
    public async Task SignIn_SameAddressFromAnotherClient_AlsoRefused()
    {
        var email = $"roaming@{Senders.UniqueDomain()}";
        for (var attempt = 1; attempt <= RateLimitFixture.PerAddress; attempt++)
        {
            using var client = new BrowserClient(_host, TestClientAddress.Unique());
            using var response = await client.SubmitFormAsync("/account/login", Credentials(email, "guess " + attempt));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
        }

        using var another = new BrowserClient(_host, TestClientAddress.Unique());
        using var refused = await another.SubmitFormAsync("/account/login", Credentials(email, "guess"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SignIn_OtherAddressesFromTheSameClient_AllowedUntilTheClientLimit()
    {
        var domain = Senders.UniqueDomain();
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());

        for (var attempt = 1; attempt <= RateLimitFixture.PerClient; attempt++)
        {
            using var allowed = await browser.SubmitFormAsync("/account/login", Credentials($"user{attempt}@{domain}", "guess"));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"address {attempt}, each under its own limit");
        }

        using var refused = await browser.SubmitFormAsync("/account/login", Credentials($"fresh@{domain}", "guess"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the client IP is over its limit");
        RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), RateLimitFixture.Window);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.ErrorTooManyAttempts);

        using var elsewhere = new BrowserClient(_host, TestClientAddress.Unique());
        using var otherClient = await elsewhere.SubmitFormAsync("/account/login", Credentials($"fresh@{domain}", "guess"));
        otherClient.StatusCode.ShouldBe(HttpStatusCode.OK, "another client IP has its own budget");
    }

    [Fact]
    public async Task SignIn_AfterRetryAfterHasPassed_TheRightPasswordSignsIn()
    {
        var email = $"patient@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());
        for (var attempt = 1; attempt <= RateLimitFixture.PerAddress; attempt++)
        {
            using var wrong = await browser.SubmitFormAsync("/account/login", Credentials(email, "not the password"));
        }

        using (var refused = await browser.SubmitFormAsync("/account/login", Credentials(email, Password)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            fixture.Time.Advance(refused.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromSeconds(1));
        }

        using var response = await browser.SubmitFormAsync("/account/login", Credentials(email, Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        BrowserClient.SetCookie(response, SessionCookie.CookieName).ShouldNotBeNull();
    }

    [Fact]
    public async Task LoginPage_Get_IsNeverLimited_NotEvenAfterARefusedPost()
    {
        var email = $"reader@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());
        for (var attempt = 0; attempt <= RateLimitFixture.PerAddress; attempt++)
        {
            using var _ = await browser.SubmitFormAsync("/account/login", Credentials(email, "guess"));
        }

        for (var view = 1; view <= 3 * RateLimitFixture.PerClient; view++)
        {
            var html = await browser.GetPageAsync($"/account/login?login_hint={Uri.EscapeDataString(email)}");
            html.ShouldContain("name=\"Input.Email\"");
        }
    }

    [Fact]
    public async Task ForgotPassword_Post_IsLimitedPerAddress_WhateverThePageDoesWithIt()
    {
        var email = $"forgetful@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());

        for (var attempt = 1; attempt <= RateLimitFixture.PerAddress; attempt++)
        {
            using var response = await browser.PostAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
            response.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"request {attempt}");
        }

        using var refused = await browser.PostAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"  {email.ToUpperInvariant()} " });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the same address, however it is typed");
        RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), RateLimitFixture.Window);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.ErrorTooManyAttempts);
    }

    [Fact]
    public async Task SignInCodeRequests_SpendTheForgotPasswordBudgetOfTheAddress()
    {
        var email = $"coder@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());
        var address = new Dictionary<string, string> { ["Input.Email"] = email };
        for (var attempt = 1; attempt < RateLimitFixture.PerAddress; attempt++)
        {
            using var forgot = await browser.PostAsync("/account/forgot-password", address);
            forgot.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"forgot-password {attempt}");
        }

        using (var code = await browser.PostAsync("/account/login/code", address))
        {
            code.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "the last request the address's budget allows");
        }

        using var refusedCode = await browser.PostAsync("/account/login/code", address);
        using var another = new BrowserClient(_host, TestClientAddress.Unique());
        using var refusedForgot = await another.PostAsync("/account/forgot-password", address);

        refusedCode.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refusedCode.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.ErrorTooManyAttempts);
        refusedForgot.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "a code request spent forgot-password's budget for the address");
    }

    [Theory]
    [InlineData("/account/password", "Input.CurrentPassword", "Input.NewPassword")]
    [InlineData("/account/email", "Input.CurrentPassword", "Input.NewEmail")]
    public async Task AccountPage_PostsPerClient_OverTheLimitRefusedWith429(string page, string field, string otherField)
    {
        var email = $"restless@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(_host, TestClientAddress.Unique());
        using (var signIn = await browser.SubmitFormAsync("/account/login", Credentials(email, Password)))
        {
            CodeFlow.Location(signIn).ShouldBe("/");
        }

        var form = await browser.GetPageAsync(page);
        // Incomplete forms: refused by validation before any password is checked, so no lockout gets in the way.
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(form), [field] = "", [otherField] = "" };
        for (var attempt = 1; attempt <= RateLimitFixture.PerClient; attempt++)
        {
            using var response = await browser.PostAsync(page, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"post {attempt}");
        }

        using var refused = await browser.PostAsync(page, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), RateLimitFixture.Window);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.ErrorTooManyAttempts);
    }

    /// <summary>The Retry-After of a refused response, which must be there.</summary>
    internal static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        response.Headers.RetryAfter.ShouldNotBeNull("a 429 says when to try again");
        response.Headers.RetryAfter.Delta.ShouldNotBeNull("Retry-After in seconds");
        return response.Headers.RetryAfter.Delta.Value;
    }

    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };
}
