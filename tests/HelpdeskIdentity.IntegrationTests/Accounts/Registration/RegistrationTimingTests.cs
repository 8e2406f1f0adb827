using System.Diagnostics;
using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>
/// The register POST takes as long for an address with an account as for one that may register and one that may not
/// (docs/decisions/0017). Its own host, so the 600 e-mails stay out of the other tests' mailbox. Measured interleaved,
/// like PasswordResetTimingTests, so load on the machine hits every side alike.
/// </summary>
public sealed class RegistrationTimingTests(RegistrationFixture fixture) : IClassFixture<RegistrationFixture>
{
    private const int WarmUp = 20;
    private const int Samples = 200;

    [Fact]
    public async Task RegisterPost_ExistingNewAndRefusedAddress_SameMedianTime()
    {
        var domain = Senders.UniqueDomain("acme");
        var existing = $"first@{domain}";
        await Registering.TicketFromAsync(fixture.Host, existing);
        string[] addresses = [existing, $"colleague@{domain}", $"someone@{Senders.UniqueDomain("fresh")}"];
        using var browser = new BrowserClient(fixture.Host);
        var token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync("/account/register"));
        var times = addresses.ToDictionary(a => a, _ => new List<double>());

        for (var i = 0; i < WarmUp + Samples; i++)
        {
            // Rotate the order, so no address is always first after a pause.
            foreach (var email in addresses.Skip(i % 3).Concat(addresses.Take(i % 3)))
            {
                var stopwatch = Stopwatch.StartNew();
                using var response = await browser.PostAsync("/account/register", new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.Email"] = email,
                    ["Input.Name"] = "Jan Jansen",
                });
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                stopwatch.Stop();
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                if (i >= WarmUp)
                {
                    times[email].Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var medians = addresses.Select(a => Median(times[a])).ToList();
        TestContext.Current.SendDiagnosticMessage($"register POST median: existing {medians[0]:F2} ms, may register {medians[1]:F2} ms, may not {medians[2]:F2} ms");
        (medians.Max() - medians.Min()).ShouldBeLessThan(5, string.Join(" / ", medians.Select(m => $"{m:F2} ms")));
    }

    /// <summary>The POST also does the very same database work for each kind of address: a look-up leak too small to time still fails.</summary>
    [Fact]
    public async Task RegisterPost_ExistingNewAndRefusedAddress_SameStatements()
    {
        var domain = Senders.UniqueDomain("acme");
        var existing = $"first-sql@{domain}";
        await Registering.TicketFromAsync(fixture.Host, existing);
        string[] addresses = [existing, $"colleague-sql@{domain}", $"someone-sql@{Senders.UniqueDomain("fresh")}"];
        using var browser = new BrowserClient(fixture.Host);
        var token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync("/account/register"));
        using var sql = new SqlStatementRecorder();

        var statements = new List<List<string>>();
        foreach (var email in addresses)
        {
            statements.Add(await sql.CaptureAsync(async () =>
            {
                using var response = await browser.PostAsync("/account/register", new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.Email"] = email,
                    ["Input.Name"] = "Jan Jansen",
                });
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }));
        }

        statements[0].ShouldNotBeEmpty("the request is recorded");
        statements[1].ShouldBe(statements[0], "a new address does what an existing one does");
        statements[2].ShouldBe(statements[0], "a refused address does what an existing one does");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
