using System.Net;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>
/// Security review finding 1: the per-address limits hold however the address is sent. The pages act only on the
/// form field the limiter counts (never the query string, an unprefixed key or a second value), and per-IP limits
/// count an IPv6 client by its /64.
/// </summary>
public sealed class RateLimitBindingTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private const string Password = "correct horse battery staple";

    public static TheoryData<string, string> Pages => new()
    {
        { "/account/forgot-password", "query" },
        { "/account/forgot-password", "unprefixed" },
        { "/account/register", "query" },
        { "/account/register", "unprefixed" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task MailingPages_AddressOutsideTheCountedField_NothingIsRecordedOrMailed(string page, string shape)
    {
        var victim = $"victim@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(fixture.Host, TestClientAddress.Unique());

        using var response = await PostOutsideTheFieldAsync(browser, page, shape, victim, new Dictionary<string, string> { ["Input.Name"] = "Jan" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.EmailRequired);
        (await RecordedAsync(victim)).ShouldBe(0, "the page must not act on an address the limiter did not count");
    }

    [Theory]
    [InlineData("query")]
    [InlineData("unprefixed")]
    public async Task SignIn_AddressOutsideTheCountedField_NoPasswordIsChecked(string shape)
    {
        var email = $"sprayed@{Senders.UniqueDomain()}";
        var account = await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(fixture.Host, TestClientAddress.Unique());

        using var response = await PostOutsideTheFieldAsync(browser, "/account/login", shape, email, new Dictionary<string, string> { ["Input.Password"] = "a guess" });

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.EmailRequired);
        var failures = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.AccessFailedCount).SingleAsync());
        failures.ShouldBe(0, "a password checked for an address outside the per-address limit");
    }

    [Fact]
    public async Task ForgotPassword_SecondValueOfTheField_CountsAgainstTheFirstValuesBudget()
    {
        var victim = $"doubled@{Senders.UniqueDomain()}";
        using var browser = new BrowserClient(fixture.Host, TestClientAddress.Unique());
        for (var attempt = 1; attempt <= RateLimitFixture.PerAddress; attempt++)
        {
            using var _ = await browser.PostAsync("/account/forgot-password", [new("Input.Email", victim)]);
        }

        using var refused = await browser.PostAsync("/account/forgot-password",
            [new("Input.Email", victim), new("Input.Email", $"decoy{Guid.NewGuid():N}@example.org")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the page would act on the first value, so the first value is counted");
    }

    [Fact]
    public async Task SignIn_Ipv6ClientsOfOneSlash64_ShareTheirClientBudget_AnotherSlash64DoesNot()
    {
        var domain = Senders.UniqueDomain();
        var prefix = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}";
        for (var attempt = 1; attempt <= RateLimitFixture.PerClient; attempt++)
        {
            using var host = new BrowserClient(fixture.Host, $"{prefix}::{attempt:x}");
            using var allowed = await host.SubmitFormAsync("/account/login", Credentials($"user{attempt}@{domain}"));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"address {attempt} of the /64");
        }

        using var neighbour = new BrowserClient(fixture.Host, $"{prefix}:ffff:ffff:ffff:fff0");
        using var refused = await neighbour.SubmitFormAsync("/account/login", Credentials($"fresh@{domain}"));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "another address of the same /64 is the same client");

        using var elsewhere = new BrowserClient(fixture.Host, $"2001:db8:ffff:{Random.Shared.Next(0x10000):x}::1");
        using var allowedElsewhere = await elsewhere.SubmitFormAsync("/account/login", Credentials($"fresh@{domain}"));
        allowedElsewhere.StatusCode.ShouldBe(HttpStatusCode.OK, "another /64 has its own budget");
    }

    [Fact]
    public async Task SignIn_WithoutConfiguredProxies_XForwardedForIsIgnored_TheClientIsThePeer()
    {
        // No ForwardedHeaders settings here: a client that writes X-Forwarded-For names nobody but itself.
        var domain = Senders.UniqueDomain();
        var peer = TestClientAddress.Unique();
        for (var attempt = 1; attempt <= RateLimitFixture.PerClient; attempt++)
        {
            using var browser = new BrowserClient(fixture.Host, peer);
            browser.Headers.Add("X-Forwarded-For", TestClientAddress.Unique());
            using var allowed = await browser.SubmitFormAsync("/account/login", Credentials($"user{attempt}@{domain}"));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}, naming yet another address");
        }

        using var spoofing = new BrowserClient(fixture.Host, peer);
        spoofing.Headers.Add("X-Forwarded-For", TestClientAddress.Unique());
        using var refused = await spoofing.SubmitFormAsync("/account/login", Credentials($"fresh@{domain}"));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "every post was the same peer's, whatever address it wrote");
    }

    /// <summary>
    /// Posts the page's form with its antiforgery token and the address only in the query string or under the bare key
    /// <c>Email</c>. The unprefixed post carries no <c>Input.*</c> key at all (the page's other fields bare too), which is
    /// what made model binding fall back to the bare keys before the form-only binding.
    /// </summary>
    private static async Task<HttpResponseMessage> PostOutsideTheFieldAsync(BrowserClient browser, string page, string shape, string address, Dictionary<string, string> fields)
    {
        var html = await browser.GetPageAsync(page);
        var token = BrowserClient.AntiforgeryToken(html);
        if (shape == "query")
        {
            fields["__RequestVerificationToken"] = token;
            return await browser.PostAsync($"{page}?Input.Email={Uri.EscapeDataString(address)}", fields);
        }

        var bare = fields.ToDictionary(field => field.Key.Replace("Input.", "", StringComparison.Ordinal), field => field.Value);
        bare["__RequestVerificationToken"] = token;
        bare["Email"] = address;
        bare.Keys.ShouldNotContain(key => key.StartsWith("Input.", StringComparison.Ordinal));
        return await browser.PostAsync(page, bare);
    }

    /// <summary>Requests the page recorded for the address, whether still waiting or already turned into e-mail.</summary>
    private Task<int> RecordedAsync(string address) => fixture.Host.QueryAsync(async db =>
        await db.PasswordResetRequests.CountAsync(r => r.Email == address)
        + await db.RegistrationRequests.CountAsync(r => r.Email == address)
        + await db.EmailOutbox.CountAsync(e => e.ToAddress == address));

    private static Dictionary<string, string> Credentials(string email) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = "guess" };
}
