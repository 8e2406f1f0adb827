using System.Net;
using System.Text.Json;
using HelpdeskIdentity.Contracts;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>GDPR erase and export through the admin API, checked against every table the schema has.</summary>
public sealed class PersonalDataTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A person with a history: a ticket, a claimed account, a portal session, pending requests of every kind.</summary>
    private async Task<(Guid Id, string Address, string Name, string LocalPart)> PersonAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var local = $"zeb{tag}";
        var address = $"{local}@erase{tag}.example";
        var name = $"Zebulon Quartermain {tag}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket($"T-{local}-1", $"\"{name}\" <{address}>"));
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(address) == 1, "the ticket's account");
        var id = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == address).Select(u => u.Id).SingleAsync(Cancellation));

        // Claimed through the link, as the person would: e-mails, a used link, a password history row, the ticket's name confirmed.
        var link = await SelfServiceFixture.SetPasswordLinkAsync(fixture.Host, address);
        using (var browser = new BrowserClient(fixture.Host))
        using (var set = await browser.SubmitFormAsync(link, new Dictionary<string, string>
               {
                   ["Input.Name"] = name,
                   ["Input.NewPassword"] = AdminFixture.Password,
                   ["Input.ConfirmPassword"] = AdminFixture.Password,
               }))
        {
            set.StatusCode.ShouldBe(HttpStatusCode.Found);
        }

        // A portal session: an authorization code and refresh tokens.
        await SelfServiceFixture.RefreshTokenAsync(fixture.Host, address, AdminFixture.Password);

        // Requests the workers have not taken yet, and an e-mail change waiting for its link.
        await ExecuteAsync($"""
            INSERT INTO password_reset_requests (id, email, created_at) VALUES (gen_random_uuid(), @address, now());
            INSERT INTO registration_requests (id, email, display_name, created_at) VALUES (gen_random_uuid(), @address, @name, now());
            INSERT INTO registration_tokens (token_hash, email, display_name, created_at, expires_at) VALUES (md5(random()::text), @address, @name, now(), now() + interval '1 day');
            INSERT INTO email_change_tokens (token_hash, account_id, new_email, created_at, expires_at) VALUES (md5(random()::text), @id, @new_address, now(), now() + interval '1 day');
            """, ("address", address), ("name", name), ("id", id), ("new_address", $"{local}.new@example.net"));
        return (id, address, name, local);
    }

    [Fact]
    public async Task Erase_LeavesNoAddressOrNameInAnyColumn_KeepsTheAuditTrail_AndAnnouncesIt()
    {
        await using var bus = await BusListener.StartAsync(fixture.Host.Environment.AmqpUrl, WireNames.RequesterAccountErasedExchange);
        var person = await PersonAsync();
        var before = await TablesNamingAsync(person.LocalPart, person.Name);
        string[] expected = ["users", "email_outbox", "outbox_messages", "ingested_tickets", "password_reset_requests",
            "registration_requests", "registration_tokens", "email_change_tokens"];
        expected.Except(before).ShouldBeEmpty("the person is in these tables before the erase");

        using var erased = await fixture.AdminAsync(HttpMethod.Delete, $"/admin/v1/accounts/{person.Id}");

        erased.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await TablesNamingAsync(person.LocalPart, person.Name)).ShouldBeEmpty();
        (await ScalarAsync<long>("SELECT count(*) FROM openiddict_tokens WHERE subject = @s", ("s", person.Id.ToString()))).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM openiddict_authorizations WHERE subject = @s", ("s", person.Id.ToString()))).ShouldBe(0);
        var kept = await fixture.Host.QueryAsync(db => db.AuditEvents.Where(e => e.AccountId == person.Id).Select(e => e.Type).ToListAsync(Cancellation));
        kept.ShouldContain("account.created");
        kept.ShouldContain("sign_in.succeeded");
        kept.ShouldContain("account.erased");
        await Eventually.HoldsAsync(() => Task.FromResult(bus.Messages.Any(m => m.GetProperty("accountId").GetGuid() == person.Id)), "RequesterAccountErased");
        bus.Messages.Single(m => m.GetProperty("accountId").GetGuid() == person.Id).EnumerateObject().Select(p => p.Name)
            .ShouldBe(["accountId", "erasedAt"], ignoreOrder: true);

        using var gone = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts/{person.Id}");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SelfServiceFixture.CanSignInAsync(fixture.Host, person.Address, AdminFixture.Password)).ShouldBeFalse();

        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), person.Address));
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(person.Address) == 1, "a fresh account for a later ticket");
        var fresh = await fixture.Host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == person.Address, Cancellation));
        fresh.Id.ShouldNotBe(person.Id);
        fresh.PasswordHash.ShouldBeNull();
        fresh.DisplayName.ShouldBeNull("the name came with the erased ticket");
    }

    [Fact]
    public async Task Erase_RemovesTheIdOfEveryTicketThePersonSent_AndOnlyTheirs()
    {
        var address = $"twice{Guid.NewGuid():N}@example.org";
        string[] tickets = [Senders.UniqueTicketId(), Senders.UniqueTicketId()];
        var someoneElse = Senders.UniqueTicketId();
        foreach (var ticket in tickets)
        {
            await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(ticket, address));
        }

        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(someoneElse, $"other{Guid.NewGuid():N}@example.org"));
        Task<long> CountedAsync(string[] ids) => ScalarAsync<long>("SELECT count(*) FROM ingested_tickets WHERE ticket_id = ANY(@ids)", ("ids", ids));
        await Eventually.HoldsAsync(async () => await CountedAsync([.. tickets, someoneElse]) == 3, "all three tickets counted");
        var id = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == address).Select(u => u.Id).SingleAsync(Cancellation));
        (await ScalarAsync<long>("SELECT count(*) FROM ingested_tickets WHERE ticket_id = ANY(@ids) AND account_id = @id", ("ids", tickets), ("id", id)))
            .ShouldBe(2, "intake linked both tickets to the one account");

        using var erased = await fixture.AdminAsync(HttpMethod.Delete, $"/admin/v1/accounts/{id}");

        erased.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CountedAsync(tickets)).ShouldBe(0, "the second ticket's id goes too, not only the first one's");
        (await CountedAsync([someoneElse])).ShouldBe(1, "another sender's ticket id stays");
    }

    [Fact]
    public async Task Export_OfAnUnclaimedAccount_HoldsTheNameItsTicketSuggested()
    {
        var address = $"unclaimed{Guid.NewGuid():N}@example.org";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"\"Una Suggested\" <{address}>"));
        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(address) == 1, "the ticket's account");
        var id = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == address).Select(u => u.Id).SingleAsync(Cancellation));

        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts/{id}/export");

        var document = await AdminFixture.JsonAsync(response);
        document.GetProperty("account").GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null, "not confirmed by the person");
        document.GetProperty("suggestedName").GetString().ShouldBe("Una Suggested");
    }

    [Fact]
    public async Task Export_HoldsAccountOrganisationSessionsAndAuditEvents_AndIsAudited()
    {
        var person = await PersonAsync();
        using (var firefox = new BrowserClient(fixture.Host))
        {
            // A second browser sign-in, ended by signing out: the export shows it revoked, and the browser in short.
            firefox.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");
            using var signedIn = await firefox.SubmitFormAsync("/account/login", SelfServiceFixture.Credentials(person.Address, AdminFixture.Password, keepSignedIn: true));
            CodeFlow.Location(signedIn).ShouldBe("/");
            var logout = await firefox.GetPageAsync("/account/logout");
            using var signedOut = await firefox.PostAsync("/account/logout", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(logout),
            });
            signedOut.StatusCode.ShouldBe(HttpStatusCode.Found);
        }

        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts/{person.Id}/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await AdminFixture.JsonAsync(response);
        var account = document.GetProperty("account");
        account.GetProperty("id").GetGuid().ShouldBe(person.Id);
        account.GetProperty("email").GetString().ShouldBe(person.Address);
        account.GetProperty("name").GetString().ShouldBe(person.Name);
        document.GetProperty("suggestedName").ValueKind.ShouldBe(JsonValueKind.Null, "the suggestion was confirmed at set-password");
        document.GetProperty("organization").GetProperty("domains").EnumerateArray().Select(d => d.GetString())
            .ShouldBe([person.Address.Split('@')[1]]);
        var sessions = document.GetProperty("sessions").EnumerateArray().ToList();
        sessions.Count.ShouldBe(3, "signed in by setting the password, at the portal's code flow, and in Firefox");
        sessions.Take(2).ShouldAllBe(s => s.GetProperty("revokedAt").ValueKind == JsonValueKind.Null, "the first two sign-ins are still live");
        var portal = sessions[1];
        portal.GetProperty("persistent").GetBoolean().ShouldBeFalse();
        portal.GetProperty("lastSeenAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(portal.GetProperty("createdAt").GetDateTimeOffset());
        portal.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(portal.GetProperty("lastSeenAt").GetDateTimeOffset());
        var ended = sessions[2];
        ended.GetProperty("userAgent").GetString().ShouldBe("Firefox on Windows");
        ended.GetProperty("persistent").GetBoolean().ShouldBeTrue("keep me signed in was ticked");
        ended.GetProperty("revokedAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(ended.GetProperty("createdAt").GetDateTimeOffset());
        portal.EnumerateObject().Select(p => p.Name).ShouldBe(["createdAt", "lastSeenAt", "expiresAt", "persistent", "userAgent", "revokedAt"],
            ignoreOrder: true, "never the session id, which the cookie carries");
        document.GetProperty("emailChanges").EnumerateArray().ShouldHaveSingleItem().GetProperty("newEmail").GetString().ShouldBe($"{person.LocalPart}.new@example.net");
        document.GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("category").GetString()).ShouldNotBeEmpty();
        var types = document.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        types.ShouldContain("account.created");
        types.ShouldContain("password_reset.requested");
        types.ShouldContain("password_reset.completed");
        types.ShouldContain("sign_in.succeeded");
        var text = document.GetRawText();
        text.ShouldNotContain("passwordHash", Case.Insensitive);
        text.ShouldNotContain("set-password?token", Case.Insensitive);

        using var audit = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/audit?account={person.Id}&type=account.exported");
        var exported = (await AdminFixture.JsonAsync(audit)).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        exported.GetProperty("clientId").GetString().ShouldBe(TestClients.BackendId);
    }

    /// <summary>
    /// Every table with a text, JSON or array column (found in information_schema, so a new table is checked without
    /// editing this test) in which some row holds the local part of the address or the name.
    /// </summary>
    private async Task<HashSet<string>> TablesNamingAsync(string localPart, string name)
    {
        const string Columns = """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
              AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
            """;
        var columns = new List<(string Table, string Column)>();
        await using (var connection = await OpenAsync())
        await using (var command = new NpgsqlCommand(Columns, connection))
        await using (var reader = await command.ExecuteReaderAsync(Cancellation))
        {
            while (await reader.ReadAsync(Cancellation))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        columns.Count.ShouldBeGreaterThan(40);
        var naming = new HashSet<string>();
        foreach (var (table, column) in columns)
        {
            var sql = $"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE @local OR \"{column}\"::text ILIKE @name";
            if (await ScalarAsync<long>(sql, ("local", $"%{localPart}%"), ("name", $"%{name}%")) > 0)
            {
                naming.Add(table);
            }
        }

        return naming;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Host.Environment.ConnectionString);
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (key, value) in parameters)
        {
            command.Parameters.AddWithValue(key, value);
        }

        await command.ExecuteNonQueryAsync(Cancellation);
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (key, value) in parameters)
        {
            command.Parameters.AddWithValue(key, value);
        }

        return (T)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
