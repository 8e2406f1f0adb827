using System.Net;
using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.Contracts;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>The audit rows the real flows write, what the SIEM receives, and the operator's CLI.</summary>
public sealed class AuditTrailTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<List<Api.Audit.AuditEventRecord>> EventsAsync(Guid accountId) =>
        fixture.Host.QueryAsync(db => db.AuditEvents.Where(e => e.AccountId == accountId).OrderBy(e => e.OccurredAt).ToListAsync(Cancellation));

    [Fact]
    public async Task TicketClaimSignInLockoutRefreshReuseAndSignOut_EachLeaveTheirEvent_OnTheBusToo()
    {
        await using var siem = await BusListener.StartAsync(fixture.Host.Environment.AmqpUrl, WireNames.SecurityEventRecordedExchange);
        var address = $"journey{Guid.NewGuid():N}@j{Guid.NewGuid():N}.example";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"\"Jo Journey\" <{address}>"));
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(address) == 1, "the ticket's account");
        var id = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == address).Select(u => u.Id).SingleAsync(Cancellation));

        var link = await SelfServiceFixture.SetPasswordLinkAsync(fixture.Host, address);
        using (var browser = new BrowserClient(fixture.Host))
        using (var set = await browser.SubmitFormAsync(link, new Dictionary<string, string>
               {
                   ["Input.NewPassword"] = AdminFixture.Password, ["Input.ConfirmPassword"] = AdminFixture.Password,
               }))
        {
            set.StatusCode.ShouldBe(HttpStatusCode.Found);
        }

        var refresh = await SelfServiceFixture.RefreshTokenAsync(fixture.Host, address, AdminFixture.Password);
        (await SelfServiceFixture.RefreshAsync(fixture.Host, refresh)).ShouldBe(HttpStatusCode.OK);
        (await SelfServiceFixture.RefreshAsync(fixture.Host, refresh)).ShouldBe(HttpStatusCode.BadRequest, "the spent token came back");

        using (var browser = await SelfServiceFixture.SignedInAsync(fixture.Host, address, AdminFixture.Password))
        {
            var logout = await browser.GetPageAsync("/account/logout");
            using var signedOut = await browser.PostAsync("/account/logout", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(logout),
            });
            signedOut.StatusCode.ShouldBe(HttpStatusCode.Found);
        }

        for (var i = 0; i < PasswordResetFixture.MaxFailedAttempts; i++)
        {
            (await SelfServiceFixture.CanSignInAsync(fixture.Host, address, "not the password at all")).ShouldBeFalse();
        }

        var events = await EventsAsync(id);
        var types = events.Select(e => e.Type).ToList();
        types.ShouldContain("account.created");
        events.First(e => e.Type == "account.created").Detail.ShouldBe("ticket");
        types.ShouldContain("password_reset.requested");
        types.ShouldContain("password_reset.completed");
        types.ShouldContain("sign_in.succeeded");
        events.First(e => e.Type == "sign_in.succeeded").SessionId.ShouldNotBeNullOrEmpty();
        var replay = events.Single(e => e.Type == "token.replay_detected");
        (replay.Detail, replay.ClientId, replay.Outcome).ShouldBe(("refresh_token", TestClients.PortalId, "failure"));
        types.ShouldContain("session.ended");
        events.Count(e => e.Type == "sign_in.failed" && e.Detail == "wrong_password").ShouldBe(PasswordResetFixture.MaxFailedAttempts - 1);
        types.ShouldContain("sign_in.locked_out");
        events.Where(e => e.SourceIp is not null).ShouldAllBe(e => e.SourceIp!.EndsWith(".0"), "IPv4 addresses are cut to /24");

        await Eventually.HoldsAsync(() => Task.FromResult(siem.Messages.Count(m => m.GetProperty("accountId").ValueKind == System.Text.Json.JsonValueKind.String
            && m.GetProperty("accountId").GetGuid() == id) == events.Count), "every event on the bus");
        var published = siem.Messages.Where(m => m.GetProperty("accountId").ValueKind == System.Text.Json.JsonValueKind.String && m.GetProperty("accountId").GetGuid() == id).ToList();
        published.Select(m => m.GetProperty("eventId").GetGuid()).Order().ShouldBe(events.Select(e => e.Id).Order());
        published.ShouldAllBe(m => !m.GetRawText().Contains(address, StringComparison.OrdinalIgnoreCase) && !m.GetRawText().Contains("Jo Journey"));
    }

    [Fact]
    public async Task PasswordAndEmailChanges_EachLeaveTheirEvent()
    {
        var email = $"changer{Guid.NewGuid():N}@example.org";
        var newEmail = $"changed{Guid.NewGuid():N}@example.org";
        const string NewPassword = "an entirely different passphrase";
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password);
        using var browser = await SelfServiceFixture.SignedInAsync(fixture.Host, email, AdminFixture.Password);

        using (var changed = await browser.SubmitFormAsync("/account/password", new Dictionary<string, string>
               {
                   ["Input.CurrentPassword"] = AdminFixture.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
               }))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var asked = await browser.SubmitFormAsync("/account/email", new Dictionary<string, string>
               {
                   ["Input.NewEmail"] = newEmail, ["Input.CurrentPassword"] = NewPassword,
               }))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var mail = (await Mailbox.WaitForAsync(fixture.Host, newEmail, SelfServiceFixture.Subject("Confirm your new e-mail address"))).ShouldHaveSingleItem();
        using (var confirmed = await browser.SubmitFormAsync(Mailbox.LinksTo(mail, "/account/confirm-email").ShouldHaveSingleItem(), new Dictionary<string, string>()))
        {
            confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var types = (await EventsAsync(account.Id)).Select(e => e.Type).ToList();
        types.ShouldContain("account.created");
        types.ShouldContain("password.changed");
        types.ShouldContain("email_change.requested");
        types.ShouldContain("email_change.confirmed");
        (await fixture.Host.CountAccountsAsync(newEmail)).ShouldBe(1, "the change itself went through");
    }

    [Fact]
    public async Task WrongPassword_CountsTowardLockoutOnlyWithItsAuditRow()
    {
        var email = $"atomic{Guid.NewGuid():N}@example.org";
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password);
        Task<int> FailedCountAsync() => fixture.Host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.AccessFailedCount).SingleAsync(Cancellation));
        var trigger = $"refuse_audit_{Guid.NewGuid():N}";

        // The database refuses this account's audit rows: the failure must not be counted without its event.
        async Task ExecuteAsync(string sql)
        {
            await using var command = fixture.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(sql);
            await command.ExecuteNonQueryAsync(Cancellation);
        }

        await ExecuteAsync($"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.account_id = '{account.Id}') EXECUTE FUNCTION {trigger}();
            """);
        try
        {
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Api.Accounts.Account>>();
            var tracked = (await users.FindByIdAsync(account.Id.ToString())).ShouldNotBeNull();
            await Should.ThrowAsync<Npgsql.PostgresException>(() =>
                scope.ServiceProvider.GetRequiredService<Api.Accounts.PasswordSignIn>().VerifyAsync(tracked, "not the password at all"));
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER {trigger} ON audit_events; DROP FUNCTION {trigger}();");
        }

        (await FailedCountAsync()).ShouldBe(0, "the count rolled back with the audit row that could not be written");
        (await EventsAsync(account.Id)).ShouldNotContain(e => e.Type == "sign_in.failed");

        (await SelfServiceFixture.CanSignInAsync(fixture.Host, email, "not the password at all")).ShouldBeFalse();

        (await FailedCountAsync()).ShouldBe(1);
        (await EventsAsync(account.Id)).Count(e => e.Type == "sign_in.failed" && e.Detail == "wrong_password").ShouldBe(1);
    }

    [Fact]
    public async Task SignInWithAnUnknownAddress_IsAuditedWithoutAnAccount()
    {
        Task<int> CountAsync() => fixture.Host.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Type == "sign_in.failed" && e.Detail == "unknown_address" && e.AccountId == null, Cancellation));
        var before = await CountAsync();

        (await SelfServiceFixture.CanSignInAsync(fixture.Host, $"nobody{Guid.NewGuid():N}@example.org", "whatever it may be")).ShouldBeFalse();

        (await CountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task AuditQuery_FiltersByTypeAndSince_AndPages()
    {
        var email = $"pager{Guid.NewGuid():N}@example.org";
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password);
        for (var i = 0; i < 3; i++)
        {
            (await SelfServiceFixture.CanSignInAsync(fixture.Host, email, AdminFixture.Password)).ShouldBeTrue();
        }

        var since = Uri.EscapeDataString(account.CreatedAt.AddSeconds(-1).ToString("O"));
        using var first = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/audit?account={account.Id}&type=sign_in.succeeded&since={since}&limit=2");
        var firstPage = await AdminFixture.JsonAsync(first);
        using var second = await fixture.AdminAsync(HttpMethod.Get,
            $"/admin/v1/audit?account={account.Id}&type=sign_in.succeeded&since={since}&limit=2&cursor={firstPage.GetProperty("next").GetString()}");
        var secondPage = await AdminFixture.JsonAsync(second);
        using var future = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/audit?account={account.Id}&since=2999-01-01T00:00:00Z");
        var sinceInBerlin = Uri.EscapeDataString(account.CreatedAt.AddSeconds(-1).ToOffset(TimeSpan.FromHours(2)).ToString("O"));
        using var withOffset = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/audit?account={account.Id}&type=sign_in.succeeded&since={sinceInBerlin}");
        (await AdminFixture.JsonAsync(withOffset)).GetProperty("items").GetArrayLength().ShouldBe(3, "the same moment written with an offset finds the same events");

        var all = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray()).ToList();
        all.Count.ShouldBe(3);
        all.ShouldAllBe(e => e.GetProperty("type").GetString() == "sign_in.succeeded");
        all.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Descending);
        secondPage.GetProperty("next").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await AdminFixture.JsonAsync(future)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Retention_DeletesEventsOlderThanAuditRetention()
    {
        await fixture.Host.StartUpPruneDoneAsync<Api.Audit.AuditPruner>(); // else, run late, it may take the old row first
        var old = Guid.NewGuid();
        await fixture.Host.QueryAsync(async db =>
        {
            db.AuditEvents.Add(new Api.Audit.AuditEventRecord { Id = old, OccurredAt = DateTimeOffset.UtcNow.AddDays(-401), Type = "sign_in.failed", Outcome = "failure" });
            return await db.SaveChangesAsync(Cancellation);
        });
        var pruner = fixture.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Api.Audit.AuditPruner>().Single();

        (await pruner.PruneAsync(Cancellation)).ShouldBeGreaterThanOrEqualTo(1);

        (await fixture.Host.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Id == old, Cancellation))).ShouldBeFalse();
    }

    [Fact]
    public async Task AuditRows_CannotBeChanged()
    {
        await fixture.Host.CreateAccountAsync($"immutable{Guid.NewGuid():N}@example.org", AdminFixture.Password);

        var error = await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            fixture.Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET outcome = 'success'", Cancellation)));

        error.MessageText.ShouldContain("append-only");
    }

    [Fact]
    public async Task Cli_FindLockShowTailExportErase()
    {
        var email = $"cli{Guid.NewGuid():N}@example.org";
        var account = await fixture.CreateAccountAsync(email, AdminFixture.Password, "Cleo Cli");

        var find = await RunAsync("accounts", "find", email.ToUpperInvariant());
        var locked = await RunAsync("accounts", "lock", account.Id.ToString());
        var tail = await RunAsync("audit", "tail", "--account", account.Id.ToString(), "-n", "5");
        var export = await RunAsync("accounts", "export", account.Id.ToString());
        var unconfirmed = await RunAsync("accounts", "erase", account.Id.ToString());
        var countAfterUnconfirmed = await fixture.Host.CountAccountsAsync(email);
        var erase = await RunAsync("accounts", "erase", account.Id.ToString(), "--yes");
        var show = await RunAsync("accounts", "show", account.Id.ToString());

        find.ExitCode.ShouldBe(0, find.Error);
        find.Output.ShouldContain($"\"id\": \"{account.Id}\"");
        locked.ExitCode.ShouldBe(0, locked.Error);
        locked.Output.ShouldContain("\"lockedOutUntil\": \"9999-12-31");
        (await SelfServiceFixture.CanSignInAsync(fixture.Host, email, AdminFixture.Password)).ShouldBeFalse();
        tail.ExitCode.ShouldBe(0, tail.Error);
        tail.Output.ShouldContain("admin.action\tsuccess\t" + account.Id);
        tail.Output.ShouldContain("\tlock\n");
        export.Output.ShouldContain("\"name\": \"Cleo Cli\"");
        unconfirmed.ExitCode.ShouldBe(2);
        countAfterUnconfirmed.ShouldBe(1, "erased only with --yes");
        (await fixture.Host.CountAccountsAsync(email)).ShouldBe(0);
        erase.ExitCode.ShouldBe(0, erase.Error);
        show.ExitCode.ShouldBe(1);
        show.Error.ShouldContain("no account");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = fixture.Host.Environment.ConnectionString,
            ["Oidc:Issuer"] = IdentityHost.Issuer,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, configuration, new CliConsole(new StringReader(""), output, error));
        return (exitCode, output.ToString(), error.ToString());
    }
}
