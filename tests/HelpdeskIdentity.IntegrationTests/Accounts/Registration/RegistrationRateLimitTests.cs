using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>The register post is limited like forgot-password: per address (default 3 per 15 minutes) and per client IP.</summary>
public sealed class RegistrationRateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private const int DefaultPerAddress = 3;

    [Fact]
    public async Task Register_OverThePerAddressLimit_RefusedWith429RetryAfterAndReadablePage()
    {
        var email = $"flood@{Senders.UniqueDomain()}";
        using var metric = new CounterRecorder("helpdesk_identity.rate_limited", "policy");

        for (var attempt = 1; attempt <= DefaultPerAddress; attempt++)
        {
            // Each from its own client IP: only the address's budget is spent.
            using var client = new BrowserClient(fixture.Host, TestClientAddress.Unique());
            await Registering.RequestAsync(client, attempt % 2 == 0 ? email.ToUpperInvariant() : email, "Jan Jansen");
        }

        using var another = new BrowserClient(fixture.Host, TestClientAddress.Unique());
        using var refused = await another.SubmitFormAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = $" {email} ", ["Input.Name"] = "Jan" });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RateLimitTests.RetryAfter(refused).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain($"<h1>{PageText.TooManyAttemptsTitle}</h1>");
        metric.Get("register").ShouldBe(1, "this test's one refused post");
        // Every accepted post is handled (no request row left), and exactly those were mailed: the refused one was not.
        await Eventually.HoldsAsync(async () => await fixture.Host.QueryAsync(db => db.RegistrationRequests.CountAsync(r => r.Email.ToLower() == email)) == 0,
            "every accepted registration request handled");
        (await fixture.Host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.ToAddress.ToLower() == email))).ShouldBe(DefaultPerAddress);
    }

    [Fact]
    public async Task ForgotPasswordAndRegister_ShareOneBudgetPerAddress()
    {
        const int Shared = 4; // RateLimits:EmailsPerAddress default; each page alone allows 3
        var email = $"both@{Senders.UniqueDomain()}";
        for (var attempt = 1; attempt <= Shared; attempt++)
        {
            using var client = new BrowserClient(fixture.Host, TestClientAddress.Unique());
            var (page, fields) = attempt % 2 == 0
                ? ("/account/register", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Name"] = "Jan" })
                : ("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
            using var accepted = await client.SubmitFormAsync(page, fields);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, $"post {attempt} ({page})");
        }

        using var another = new BrowserClient(fixture.Host, TestClientAddress.Unique());
        using var refused = await another.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the third forgot-password post is within that page's own limit, but the address's shared budget is spent");
    }

    [Fact]
    public async Task SubaddressesOfOneMailbox_ShareItsBudget()
    {
        const int Shared = 4; // RateLimits:EmailsPerAddress default
        var domain = Senders.UniqueDomain();
        for (var tag = 1; tag <= Shared; tag++)
        {
            using var client = new BrowserClient(fixture.Host, TestClientAddress.Unique());
            using var accepted = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"jan+{tag}@{domain}" });
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, $"jan+{tag}");
        }

        using var another = new BrowserClient(fixture.Host, TestClientAddress.Unique());
        using var refused = await another.SubmitFormAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = $"jan+new@{domain}", ["Input.Name"] = "Jan" });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "every tag is delivered to jan's one mailbox, whose budget is spent");
    }

    [Fact]
    public async Task RegisterPage_Get_IsNeverLimited()
    {
        using var browser = new BrowserClient(fixture.Host, TestClientAddress.Unique());

        for (var i = 0; i < 15; i++)
        {
            (await browser.GetAsync("/account/register")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
