using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The forgot-password worker with three attempts per request and a fast poll.</summary>
public sealed class RequestWorkerFixture(LocalServers servers) : IntakeFixture(servers)
{
    public const int Attempts = 3;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = PasswordResetFixture.Configure(TestClients.Settings());
            settings["Accounts:RequestAttempts"] = Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Accounts:PasswordReset:PollInterval"] = "00:00:00.2";
            return settings;
        }
    }
}

/// <summary>
/// Security review finding 8: a request whose handling fails is rolled back alone, counted, and given up after
/// <c>Accounts:RequestAttempts</c> failures; it never stops the e-mail of the requests after it.
/// </summary>
public sealed partial class RequestWorkerTests(RequestWorkerFixture fixture) : IClassFixture<RequestWorkerFixture>
{
    private const string SetPasswordSubject = $"[{PasswordResetFixture.ProductName}] Set your password";

    [Fact]
    public async Task ForgotPassword_ARequestWhoseEmailCannotBeWritten_DoesNotStopTheNextOne_AndIsGivenUpAfterItsAttempts()
    {
        var poisoned = $"poisoned@{Senders.UniqueDomain()}";
        var good = $"good@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(good, "correct horse battery staple");
        // The database refuses the poisoned address's e-mail (as it would a value it cannot store), counting each try
        // in a sequence, which a rollback does not undo.
        var refusePoisoned = $"""
            CREATE SEQUENCE poisoned_attempts;
            CREATE FUNCTION refuse_poisoned_mail() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.to_address = '{poisoned}' THEN
                    PERFORM nextval('poisoned_attempts');
                    RAISE EXCEPTION 'this e-mail cannot be written';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_poisoned_mail BEFORE INSERT ON email_outbox FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_mail();
            """;
        await fixture.Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(refusePoisoned, TestContext.Current.CancellationToken));
        using var browser = new BrowserClient(fixture.Host);

        foreach (var address in new[] { poisoned, good })
        {
            using var sent = await browser.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = address });
            (await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(PageText.CheckMailboxText);
        }

        (await Mailbox.WaitForAsync(fixture.Host, good, SetPasswordSubject)).ShouldHaveSingleItem("the request after the failing one is answered");
        await Eventually.HoldsAsync(async () => await fixture.Host.QueryAsync(db => db.PasswordResetRequests.CountAsync(r => r.Email == poisoned)) == 0,
            "the failing request is given up");
        (await fixture.Host.QueryAsync(db => db.Database.SqlQueryRaw<long>(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS \"Value\" FROM poisoned_attempts").SingleAsync()))
            .ShouldBe(RequestWorkerFixture.Attempts, "tried exactly Accounts:RequestAttempts times");
        (await fixture.Host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.ToAddress == poisoned))).ShouldBe(0);

        var warnings = fixture.Host.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category.EndsWith("PasswordResetWorker", StringComparison.Ordinal))
            .Select(e => e.Message).ToList();
        var gaveUp = warnings.Where(w => w.Contains("given up", StringComparison.Ordinal)).ShouldHaveSingleItem();
        var id = RequestId().Match(gaveUp).Value;
        id.ShouldNotBeEmpty("the warning names the request");
        gaveUp.ShouldContain($"after {RequestWorkerFixture.Attempts} failed attempts");
        gaveUp.ShouldContain("this e-mail cannot be written", Case.Sensitive, "the reason");
        warnings.Count(w => w.Contains(id, StringComparison.Ordinal)).ShouldBe(RequestWorkerFixture.Attempts, "one warning per failed attempt");
        warnings.ShouldAllBe(w => !w.Contains(poisoned, StringComparison.OrdinalIgnoreCase), "the address is never logged");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RequestId();
}
