using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.RateLimiting;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminBenchmark;

/// <summary>
/// Issue 15's figures, on the real service hosted in-process over private PostgreSQL and RabbitMQ servers:
/// 1. GET /admin/v1/accounts?email=… from --concurrency callers for --seconds (after a 2 s warm-up) with --accounts
///    (100,000) accounts: requests/s, p50, p99;
/// 2. the audit trail's cost on the sign-in path: the audit write's median against the sign-in form's median; the same
///    for the shared rate limiter's two counters and the session row.
/// </summary>
internal static class Benchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkArguments.Parse(args);
        // The service's content root (its appsettings.json), found from this program's folder up to the repository.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "HelpdeskIdentity.sln")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HELPDESKIDENTITY_API", Path.Combine(repository.FullName, "services", "HelpdeskIdentity.Api"));
        await using var servers = new LocalServers();
        await servers.InitializeAsync();
        var environment = await servers.NewEnvironmentAsync("adminbench");
        const string ClientId = "bench-admin";
        const string Secret = "bench-admin-secret-0123456789abcdefghijklmnopqrstuvwxyz";
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["ConnectionStrings:Identity"] = environment.ConnectionString,
                ["RabbitMq:Url"] = environment.AmqpUrl,
                ["Oidc:Issuer"] = "https://id.bench.test",
                ["Oidc:Clients:0:ClientId"] = ClientId,
                ["Oidc:Clients:0:Type"] = "Confidential",
                ["Oidc:Clients:0:SecretHashes:0"] = ClientSecrets.Hash(Secret),
                ["Oidc:Clients:0:AllowedGrantTypes:0"] = "client_credentials",
                ["Oidc:Clients:0:AllowedScopes:0"] = "identity.admin",
                ["Branding:SupportEmail"] = "support@bench.test",
                ["Email:From"] = "Bench <no-reply@bench.test>",
                ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "hdid-bench-mail"),
                ["RateLimits:SignInPerClient:PermitLimit"] = "1000000",
                ["RateLimits:SignInPerAddress:PermitLimit"] = "1000000",
            })
            {
                builder.UseSetting(key, value);
            }
        });
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Console.WriteLine($"Seeding {options.Accounts:N0} accounts…");
        await Seed.AccountsAsync(environment.ConnectionString, options.Accounts);

        using var tokenResponse = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ClientId}:{Secret}"))) },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "identity.admin" }),
        });
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        await LookupLoad.RunAsync(client, token, options.Accounts, options.Concurrency, TimeSpan.FromSeconds(2));
        var lookups = await LookupLoad.RunAsync(client, token, options.Accounts, options.Concurrency, TimeSpan.FromSeconds(options.Seconds));

        const string Password = "benchmark passphrase of enough length";
        Guid accountId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            accountId = (await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreateAsync("signin@bench.example", null, Password)).Account!.Id;
        }

        var signIns = await SignInLoad.RunAsync(host, Password, options.SignIns);
        var trail = host.Services.GetRequiredService<AuditTrail>();
        var auditWrites = new List<double>();
        for (var i = 0; i < options.SignIns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await trail.RecordAsync(new AuditEntry(AuditEventTypes.SignInSucceeded, accountId, SessionId: "bench"), CancellationToken.None);
            auditWrites.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // The shared rate limiter on the same path: a sign-in post counts one window per client and one per address.
        var counters = host.Services.GetRequiredService<RateLimitCounters>();
        var limiterWrites = new List<double>();
        for (var i = 0; i < options.SignIns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await counters.IncrementAsync("signin client 203.0.113.7", TimeSpan.FromMinutes(1), CancellationToken.None);
            await counters.IncrementAsync("signin address signin@bench.example", TimeSpan.FromMinutes(1), CancellationToken.None);
            limiterWrites.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // The session row a successful sign-in inserts.
        var sessionStore = host.Services.GetRequiredService<SessionStore>();
        var sessionWrites = new List<double>();
        for (var i = 0; i < options.SignIns; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            await sessionStore.CreateAsync(new ServerSession(Guid.NewGuid().ToString("N"), accountId, now, now, now.AddHours(8), false, "bench"), null, CancellationToken.None);
            sessionWrites.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var signInMedian = Percentile(signIns, 0.5);
        var auditMedian = Percentile(auditWrites, 0.5);
        var share = auditMedian / signInMedian;
        var limiterMedian = Percentile(limiterWrites, 0.5);
        var sessionMedian = Percentile(sessionWrites, 0.5);
        Console.WriteLine();
        Console.WriteLine($"| Measure | Figure |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| accounts in the database | {options.Accounts:N0} |");
        Console.WriteLine($"| look-ups by e-mail ({options.Concurrency} callers, {options.Seconds} s) | {lookups.Count / (double)options.Seconds:N0} requests/s, all 200 with one account: {lookups.AllFound} |");
        Console.WriteLine($"| look-up latency p50 / p99 | {Percentile(lookups.Latencies, 0.5):N1} ms / {Percentile(lookups.Latencies, 0.99):N1} ms |");
        Console.WriteLine($"| sign-in (POST /account/login) p50, {options.SignIns} sequential | {signInMedian:N1} ms |");
        Console.WriteLine($"| audit write (row + outbox row, one command) p50 | {auditMedian:N2} ms |");
        Console.WriteLine($"| audit share of a sign-in | {share:P1} — target ≤ 5 %: {(share <= 0.05 ? "MET" : "MISSED")} |");
        Console.WriteLine($"| shared rate-limit counters (per client + per address, two upserts) p50 | {limiterMedian:N2} ms = {limiterMedian / signInMedian:P1} of a sign-in |");
        Console.WriteLine($"| session row insert p50 | {sessionMedian:N2} ms = {sessionMedian / signInMedian:P1} of a sign-in |");
        return 0;

    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}

internal sealed record BenchmarkArguments(int Accounts, int Seconds, int Concurrency, int SignIns)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        int Value(string name, int fallback) =>
            Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        return new(Value("--accounts", 100_000), Value("--seconds", 15), Value("--concurrency", 16), Value("--sign-ins", 200));
    }
}

internal static class Seed
{
    /// <summary>Accounts as intake makes them (unclaimed, one ticket), in one INSERT … SELECT; then ANALYZE.</summary>
    public static async Task AccountsAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                               concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                               created_at, first_ticket_at, last_ticket_at, ticket_count)
            SELECT gen_random_uuid(), a, a, a, a, false, md5(a), md5(a || 'c'), false, false, true, 0, now(), now(), now(), 1
            FROM (SELECT 'bench-' || i || '@bench' || (i % 1000) || '.example' AS a FROM generate_series(1, @count) i) s;
            ANALYZE users;
            """, connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
    }
}

internal sealed record LookupResult(int Count, List<double> Latencies, bool AllFound);

internal static class LookupLoad
{
    public static async Task<LookupResult> RunAsync(HttpClient client, string token, int accounts, int concurrency, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var allFound = true;
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var latencies = new List<double>();
            var random = new Random(worker);
            while (Stopwatch.GetTimestamp() < until)
            {
                var i = random.Next(1, accounts + 1);
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/v1/accounts?email=bench-{i}@bench{i % 1000}.example");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK || JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength() != 1)
                {
                    allFound = false;
                }
            }

            return latencies;
        }));
        var all = perWorker.SelectMany(l => l).ToList();
        return new LookupResult(all.Count, all, allFound);
    }
}

internal static partial class SignInLoad
{
    /// <summary>The sign-in form posted <paramref name="count"/> times, one browser each (a page GET for the antiforgery token first, not timed).</summary>
    public static async Task<List<double>> RunAsync(WebApplicationFactory<Program> host, string password, int count)
    {
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var page = await browser.GetStringAsync("/account/login");
            var antiforgery = WebUtility.HtmlDecode(TokenInput().Match(page).Groups[1].Value);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "signin@bench.example",
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = antiforgery,
            });
            var started = Stopwatch.GetTimestamp();
            using var response = await browser.PostAsync("/account/login", form);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.Found)
            {
                throw new InvalidOperationException($"Sign-in {i} answered {(int)response.StatusCode}.");
            }
        }

        return latencies;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex TokenInput();
}
