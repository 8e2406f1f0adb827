using System.Net;
using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>The account routes of the admin API, as an operator's tool would use them.</summary>
public sealed class AdminAccountTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private static string NewAddress(string domain = "example.org") => $"acct-{Guid.NewGuid():N}@{domain}";

    private async Task<Guid> TicketAccountAsync(string from)
    {
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), from));
        var address = MailboxAddressOf(from);
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(address) == 1, $"an account for {address}");
        return await fixture.Host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == address).Select(u => u.Id).SingleAsync());
    }

    private static string MailboxAddressOf(string from) =>
        (from.Contains('<') ? from[(from.IndexOf('<') + 1)..from.IndexOf('>')] : from).ToLowerInvariant();

    private async Task<JsonElement> GetAccountAsync(Guid id)
    {
        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await AdminFixture.JsonAsync(response);
    }

    [Fact]
    public async Task FindByEmail_IsExactAndCaseInsensitive_AndShowsTheAccountWithoutSecrets()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password, "Ada Admin");

        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        using var prefix = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts?email={Uri.EscapeDataString(email[1..])}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await AdminFixture.JsonAsync(response);
        var found = body.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        found.GetProperty("id").GetGuid().ShouldBe(account.Id);
        found.GetProperty("email").GetString().ShouldBe(email);
        found.GetProperty("name").GetString().ShouldBe("Ada Admin");
        found.GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        found.GetProperty("claimed").GetBoolean().ShouldBeTrue();
        found.GetProperty("disabled").GetBoolean().ShouldBeFalse();
        found.GetProperty("lockedOutUntil").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        var text = found.GetRawText();
        foreach (var secret in new[] { "hash", "stamp", "token", "password" })
        {
            text.ShouldNotContain(secret, Case.Insensitive);
        }

        (await AdminFixture.JsonAsync(prefix)).GetProperty("items").GetArrayLength().ShouldBe(0, "a look-up is exact, not a search");
    }

    [Fact]
    public async Task GetAccount_FromATicket_ShowsTicketsOrganisationAndThatItIsUnclaimed_AndLastSignIn()
    {
        var domain = $"t{Guid.NewGuid():N}.example";
        var id = await TicketAccountAsync($"\"Tess Ticket\" <tess@{domain}>");

        var account = await GetAccountAsync(id);

        account.GetProperty("ticketCount").GetInt32().ShouldBe(1);
        account.GetProperty("firstTicketAt").ValueKind.ShouldBe(JsonValueKind.String);
        account.GetProperty("claimed").GetBoolean().ShouldBeFalse();
        account.GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
        account.GetProperty("organization").GetProperty("name").GetString().ShouldBe(domain);
        account.GetProperty("lastSignInAt").ValueKind.ShouldBe(JsonValueKind.Null);

        var email = NewAddress();
        var signedIn = await fixture.CreateAccountAsync(email, AdminFixture.Password);
        using (await SelfServiceFixture.SignedInAsync(fixture.Host, email, AdminFixture.Password))
        {
            (await GetAccountAsync(signedIn.Id)).GetProperty("lastSignInAt").ValueKind.ShouldBe(JsonValueKind.String);
        }
    }

    [Fact]
    public async Task ListByOrganization_PagesWithAnOpaqueCursor()
    {
        var domain = $"o{Guid.NewGuid():N}.example";
        var ids = new List<Guid>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            ids.Add(await TicketAccountAsync($"{name}@{domain}"));
        }

        var organization = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.Id == ids[0]).Select(u => u.OrganizationId).SingleAsync());

        using var first = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts?organization={organization}&limit=2");
        var firstPage = await AdminFixture.JsonAsync(first);
        var cursor = firstPage.GetProperty("next").GetString();
        cursor.ShouldNotBeNull();
        using var second = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts?organization={organization}&limit=2&cursor={cursor}");
        var secondPage = await AdminFixture.JsonAsync(second);

        var seen = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray())
            .Select(a => a.GetProperty("id").GetGuid()).ToList();
        seen.ShouldBe(ids.Order().ToList());
        secondPage.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("/admin/v1/accounts", "email")]
    [InlineData("/admin/v1/accounts?email=a@example.org&organization=3f1e8a52-0000-0000-0000-000000000000", "organization")]
    [InlineData("/admin/v1/accounts?email=not-an-address", "email")]
    [InlineData("/admin/v1/accounts?organization=nope", "organization")]
    [InlineData("/admin/v1/accounts?organization=3f1e8a52-0000-0000-0000-000000000000&limit=0", "limit")]
    [InlineData("/admin/v1/accounts?organization=3f1e8a52-0000-0000-0000-000000000000&limit=ten", "limit")]
    [InlineData("/admin/v1/accounts?organization=3f1e8a52-0000-0000-0000-000000000000&cursor=%21%21", "cursor")]
    [InlineData("/admin/v1/accounts?organization=3f1e8a52-0000-0000-0000-000000000000&cursor=bm90LWEtZ3VpZA", "cursor")]
    [InlineData("/admin/v1/audit?account=12", "account")]
    [InlineData("/admin/v1/audit?type=sign_in.everything", "type")]
    [InlineData("/admin/v1/audit?since=yesterday", "since")]
    [InlineData("/admin/v1/audit?cursor=MTJ8MTI", "cursor")]
    public async Task BadQuery_Is400ProblemNamingTheField(string path, string field)
    {
        using var response = await fixture.AdminAsync(HttpMethod.Get, path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await AdminFixture.JsonAsync(response);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
    }

    public static TheoryData<string, string> AccountRoutes => new()
    {
        { "GET", "" }, { "POST", "/claim-link" }, { "POST", "/lock" }, { "POST", "/unlock" }, { "POST", "/disable" },
        { "POST", "/enable" }, { "POST", "/sign-out" }, { "DELETE", "" }, { "GET", "/export" },
    };

    [Theory]
    [MemberData(nameof(AccountRoutes))]
    public async Task UnknownAccount_Is404Problem(string method, string suffix)
    {
        using var response = await fixture.AdminAsync(new HttpMethod(method), $"/admin/v1/accounts/{Guid.NewGuid()}{suffix}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await AdminFixture.JsonAsync(response)).GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task MalformedAccountId_Is404Problem()
    {
        using var response = await fixture.AdminAsync(HttpMethod.Get, "/admin/v1/accounts/not-an-id");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Lock_RefusesSignIn_UntilUnlocked_AndEachCallIsAuditedWithTheClient()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password);

        using var locked = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/lock");
        (await AdminFixture.JsonAsync(locked)).GetProperty("lockedOutUntil").ValueKind.ShouldBe(JsonValueKind.String);
        (await SignInStatusAsync(email)).ShouldBe(HttpStatusCode.OK, "the sign-in page shows the refusal");

        using var unlocked = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/unlock");
        (await AdminFixture.JsonAsync(unlocked)).GetProperty("lockedOutUntil").ValueKind.ShouldBe(JsonValueKind.Null);
        (await SignInStatusAsync(email)).ShouldBe(HttpStatusCode.Found, "signed in and sent on");

        using var audit = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/audit?account={account.Id}&type=admin.action");
        var actions = (await AdminFixture.JsonAsync(audit)).GetProperty("items").EnumerateArray().ToList();
        actions.Select(a => a.GetProperty("detail").GetString()).ShouldBe(["unlock", "lock"]);
        actions.ShouldAllBe(a => a.GetProperty("clientId").GetString() == TestClients.BackendId);
    }

    [Fact]
    public async Task Disable_EndsSessionsAndRefreshTokens_AndRefusesSignIn_UntilEnabled()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password);
        var refreshToken = await SelfServiceFixture.RefreshTokenAsync(fixture.Host, email, AdminFixture.Password);
        using var browser = await SelfServiceFixture.SignedInAsync(fixture.Host, email, AdminFixture.Password);

        using var disabled = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/disable");

        (await AdminFixture.JsonAsync(disabled)).GetProperty("disabled").GetBoolean().ShouldBeTrue();
        (await SelfServiceFixture.RefreshAsync(fixture.Host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull("the browser session ended");
        (await SignInStatusAsync(email)).ShouldBe(HttpStatusCode.OK, "a disabled account cannot sign in");

        using var enabled = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/enable");
        (await AdminFixture.JsonAsync(enabled)).GetProperty("disabled").GetBoolean().ShouldBeFalse();
        (await SignInStatusAsync(email)).ShouldBe(HttpStatusCode.Found);
    }

    [Fact]
    public async Task SignOut_EndsEverySessionAndRefreshToken_ButTheAccountCanSignInAgain()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password);
        var refreshToken = await SelfServiceFixture.RefreshTokenAsync(fixture.Host, email, AdminFixture.Password);
        using var browser = await SelfServiceFixture.SignedInAsync(fixture.Host, email, AdminFixture.Password);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBe(email);

        using var response = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/sign-out");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SelfServiceFixture.RefreshAsync(fixture.Host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest);
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        (await SignInStatusAsync(email)).ShouldBe(HttpStatusCode.Found);
    }

    [Fact]
    public async Task ClaimLink_MailsASetPasswordLinkToAnUnclaimedAccount()
    {
        var domain = $"c{Guid.NewGuid():N}.example";
        var id = await TicketAccountAsync($"claim@{domain}");

        using var response = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{id}/claim-link");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = (await Mailbox.WaitForAsync(fixture.Host, $"claim@{domain}", SelfServiceFixture.Subject("Set your password"))).ShouldHaveSingleItem();
        Mailbox.Links(mail).ShouldHaveSingleItem();
    }

    /// <summary>What the sign-in page answers: 302 when signed in, 200 (the page again, with the error) when refused.</summary>
    private async Task<HttpStatusCode> SignInStatusAsync(string email)
    {
        using var browser = new BrowserClient(fixture.Host);
        using var response = await browser.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(email, AdminFixture.Password));
        return response.StatusCode;
    }
}
