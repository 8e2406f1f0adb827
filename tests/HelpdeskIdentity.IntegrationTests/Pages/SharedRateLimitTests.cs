using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Npgsql;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>Two instances of the service on one database: their rate limits are one budget, counted in PostgreSQL.</summary>
public sealed class SharedRateLimitTests(LocalServers servers) : IAsyncLifetime
{
    private const int PerClient = 6;
    private const int PerAddress = 4;
    private IdentityHost _first = null!;
    private IdentityHost _second = null!;

    public async ValueTask InitializeAsync()
    {
        var environment = await servers.NewEnvironmentAsync("sharedlimits");
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerClient:PermitLimit"] = PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignInPerClient:Window"] = "00:01:00",
            ["RateLimits:SignInPerAddress:PermitLimit"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignInPerAddress:Window"] = "00:01:00",
        };
        _first = await new IdentityHost(environment, settings).StartAsync();
        _second = await new IdentityHost(environment, settings).StartAsync();
    }

    [Fact]
    public async Task PostsAlternatingBetweenTwoInstances_HitTheLimitOnce_NotOncePerInstance()
    {
        var client = TestClientAddress.Unique();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= PerClient; attempt++)
        {
            using var browser = new BrowserClient(attempt % 2 == 0 ? _first : _second, client);
            using var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
            {
                ["Input.Email"] = $"user{attempt}@{Senders.UniqueDomain()}",
                ["Input.Password"] = "not the password",
            });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(PerClient).ShouldAllBe(status => status == HttpStatusCode.OK);
        statuses[PerClient].ShouldBe(HttpStatusCode.TooManyRequests, "the seventh post, on either instance, is over the shared budget of six");
    }

    [Fact]
    public async Task OneAddressFromManyClients_AlternatingBetweenInstances_HitsTheAddressLimitOnce()
    {
        var email = $"target@{Senders.UniqueDomain()}";
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= PerAddress; attempt++)
        {
            using var browser = new BrowserClient(attempt % 2 == 0 ? _first : _second, TestClientAddress.Unique());
            using var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "not the password",
            });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(PerAddress).ShouldAllBe(status => status == HttpStatusCode.OK);
        statuses[PerAddress].ShouldBe(HttpStatusCode.TooManyRequests, "the fifth guess at one address, from a fresh client on either instance, is over the shared budget of four");
    }

    [Fact]
    public async Task Counters_KeepNoAddressOrIpReadable()
    {
        var email = $"private.person@{Senders.UniqueDomain()}";
        using (var browser = new BrowserClient(_first, "198.51.100.77"))
        using (await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "x" }))
        {
        }

        await using var connection = new NpgsqlConnection(_first.Environment.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*), coalesce(bool_or(encode(key_hash, 'escape') LIKE '%private.person%' OR encode(key_hash, 'escape') LIKE '%198.51.100.77%'), false) FROM rate_limit_counters", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        reader.GetInt64(0).ShouldBeGreaterThanOrEqualTo(2, "a per-client and a per-address counter");
        reader.GetBoolean(1).ShouldBeFalse();
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }
}
