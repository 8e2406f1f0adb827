using System.Net;
using System.Text.Json;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>The organisation routes: look-up, domains, rename, and a self-registration switch the register page obeys.</summary>
public sealed class AdminOrganizationTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private async Task<(Guid Id, string Domain)> OrganizationAsync()
    {
        var domain = $"org{Guid.NewGuid():N}.example";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"first@{domain}"));
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync($"first@{domain}") == 1, "the ticket's account");
        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/organizations?domain={domain.ToUpperInvariant()}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var found = (await AdminFixture.JsonAsync(response)).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        return (found.GetProperty("id").GetGuid(), domain);
    }

    [Fact]
    public async Task GetOrganization_ShowsDomainsAccountsAndSelfRegistration()
    {
        var (id, domain) = await OrganizationAsync();

        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/organizations/{id}");

        var organization = await AdminFixture.JsonAsync(response);
        organization.GetProperty("name").GetString().ShouldBe(domain);
        organization.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).ShouldBe([domain]);
        organization.GetProperty("accountCount").GetInt64().ShouldBe(1);
        organization.GetProperty("selfRegistration").GetBoolean().ShouldBeTrue("Registration:AllowByDefault");
        organization.GetProperty("selfRegistrationSetBy").GetString().ShouldBe("configuration");
    }

    [Fact]
    public async Task AddDomain_ListsIt_AndRefusesOneAnotherOrganisationHolds_OrAPublicProvider()
    {
        var (id, domain) = await OrganizationAsync();
        var (_, otherDomain) = await OrganizationAsync();

        using var added = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/organizations/{id}/domains", new { domain = $"Sales.{domain}" });
        using var taken = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/organizations/{id}/domains", new { domain = otherDomain });
        using var publicProvider = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/organizations/{id}/domains", new { domain = "gmail.com" });
        using var garbage = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/organizations/{id}/domains", new { domain = "not a domain" });
        using var unknown = await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/organizations/{Guid.NewGuid()}/domains", new { domain = $"x.{domain}" });

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AdminFixture.JsonAsync(added)).GetProperty("domains").EnumerateArray().Select(d => d.GetString()).ShouldBe([domain, $"sales.{domain}"]);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        taken.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        foreach (var refused in new[] { publicProvider, garbage })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await AdminFixture.JsonAsync(refused)).GetProperty("errors").TryGetProperty("domain", out _).ShouldBeTrue();
        }

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_RenamesAndSwitchesSelfRegistration_WhichTheRegistrationRulesObey()
    {
        var (id, domain) = await OrganizationAsync();

        using var off = await fixture.AdminAsync(HttpMethod.Patch, $"/admin/v1/organizations/{id}", new { name = "Acme Corp", selfRegistration = false });
        var switchedOff = await AdminFixture.JsonAsync(off);
        switchedOff.GetProperty("name").GetString().ShouldBe("Acme Corp");
        switchedOff.GetProperty("selfRegistration").GetBoolean().ShouldBeFalse();
        switchedOff.GetProperty("selfRegistrationSetBy").GetString().ShouldBe("operator");
        (await VerdictAsync($"colleague@{domain}")).ShouldBe(RegistrationVerdict.OrganizationRefuses);

        using var back = await fixture.AdminAsync(HttpMethod.Patch, $"/admin/v1/organizations/{id}", new { selfRegistration = (bool?)null });
        var handedBack = await AdminFixture.JsonAsync(back);
        handedBack.GetProperty("name").GetString().ShouldBe("Acme Corp", "a field left out is left alone");
        handedBack.GetProperty("selfRegistrationSetBy").GetString().ShouldBe("configuration");
        (await VerdictAsync($"colleague@{domain}")).ShouldBe(RegistrationVerdict.Allowed);
    }

    [Theory]
    [InlineData("{\"name\": \"\"}", "name")]
    [InlineData("{\"name\": 12}", "name")]
    [InlineData("{\"name\": \"a\\u0000b\"}", "name")]
    [InlineData("{\"name\": \"a\\ud800b\"}", "name")]
    [InlineData("{\"name\": \"Evil\\u001b[31m\\r\\nInjected: yes\"}", "name")]
    [InlineData("{\"name\": \"Acme\\u202e moc.elpmaxe\"}", "name")]
    [InlineData("{\"selfRegistration\": \"yes\"}", "selfRegistration")]
    [InlineData("[1, 2]", "body")]
    [InlineData("not json", "body")]
    public async Task Patch_BadBody_Is400NamingTheField(string body, string field)
    {
        var (id, _) = await OrganizationAsync();

        using var response = await SendRawAsync(HttpMethod.Patch, $"/admin/v1/organizations/{id}", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AdminFixture.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"domain\": 1}", "domain")]
    [InlineData("{\"domain\": [\"sales.example\"]}", "domain")]
    [InlineData("{\"domain\": null}", "domain")]
    [InlineData("{\"domain\": \"a\\ud800b.example\"}", "domain")]
    [InlineData("{}", "domain")]
    [InlineData("[1, 2]", "body")]
    [InlineData("not json", "body")]
    [InlineData("", "body")]
    public async Task AddDomain_BadBody_Is400NamingTheField_NotAServerError(string body, string field)
    {
        var (id, domain) = await OrganizationAsync();
        var before = fixture.Host.Logs.Entries.Count;

        using var response = await SendRawAsync(HttpMethod.Post, $"/admin/v1/organizations/{id}/domains", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await AdminFixture.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"the problem names {field}");
        fixture.Host.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty("a caller's bad body is not a server error");
        (await DomainsAsync(id)).ShouldBe([domain], "nothing was added");
    }

    [Theory]
    [InlineData("PATCH", "", "{\"name\": \"")]
    [InlineData("POST", "/domains", "{\"domain\": \"")]
    public async Task BodyOverSixtyFourKilobytes_Is413_AndChangesNothing(string method, string route, string start)
    {
        var (id, domain) = await OrganizationAsync();
        var body = start + new string('a', 70 * 1024) + "\"}";

        using var response = await SendRawAsync(new HttpMethod(method), $"/admin/v1/organizations/{id}{route}", body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await AdminFixture.JsonAsync(response)).GetProperty("status").GetInt32().ShouldBe(413);
        using var after = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/organizations/{id}");
        var organization = await AdminFixture.JsonAsync(after);
        organization.GetProperty("name").GetString().ShouldBe(domain, "the name is unchanged");
        organization.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).ShouldBe([domain]);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string body)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", await fixture.AdminTokenAsync());
        return await fixture.Host.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<List<string?>> DomainsAsync(Guid id)
    {
        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/organizations/{id}");
        return [.. (await AdminFixture.JsonAsync(response)).GetProperty("domains").EnumerateArray().Select(d => d.GetString())];
    }

    [Fact]
    public async Task UnknownOrganisation_Is404_AndAnUnknownDomainIsAnEmptyList()
    {
        using var missing = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/organizations/{Guid.NewGuid()}");
        using var patch = await fixture.AdminAsync(HttpMethod.Patch, $"/admin/v1/organizations/{Guid.NewGuid()}", new { name = "x" });
        using var none = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/organizations?domain=nobody{Guid.NewGuid():N}.example");

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        patch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminFixture.JsonAsync(none)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ListOrganizations_PagesThroughAll()
    {
        var (id, _) = await OrganizationAsync();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            using var response = await fixture.AdminAsync(HttpMethod.Get, "/admin/v1/organizations?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            var page = await AdminFixture.JsonAsync(response);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        seen.ShouldContain(id);
        seen.ShouldBeUnique();
        seen.ShouldBe(seen.Order().ToList());
    }

    /// <summary>What the registration rules decide for an address now (the register page's worker asks the same).</summary>
    private async Task<RegistrationVerdict> VerdictAsync(string address)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var policy = scope.ServiceProvider.GetRequiredService<RegistrationPolicy>();
        await using var connection = await scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        var mailbox = MailboxParser.Parse(address).Mailbox!;
        return (await policy.DecideAsync(connection, mailbox, TestContext.Current.CancellationToken)).Verdict;
    }
}
