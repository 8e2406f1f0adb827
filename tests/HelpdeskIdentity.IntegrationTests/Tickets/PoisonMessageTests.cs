using System.Text.Json;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

public sealed class PoisonMessageTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task BadMessages_GoToTheErrorQueueWithTheirReason_AndTheNextGoodOneIsProcessed()
    {
        var domain = Senders.UniqueDomain();
        var poison = new (string Body, string Reason)[]
        {
            ("{\"ticketId\": \"T-1\", \"from\": ", "JSON"),
            ("{\"ticketId\": \"T-2\", \"receivedAt\": \"2026-11-22T10:00:00Z\"}", "from"),
            (TestBus.RawTicket("T-3", ""), "empty"),
            (TestBus.RawTicket("T-4", $"Team: a@{domain}, b@{domain};"), "group-syntax"),
            (TestBus.RawTicket("T-5", $"victim@{domain}\r\nBcc: everyone@{domain}"), "control-characters"),
            (TestBus.RawTicket("T-6", new string('a', 10_000) + "@" + domain), "too-long"),
            (TestBus.RawTicket("T-7", $"a@{domain}, b@{domain}"), "multiple-addresses"),
            (TestBus.RawTicket("", $"a@{domain}"), "missing-ticket-id"),
            (TestBus.RawTicket("T-9", "not an address"), "missing-at-sign"),
            ($"{{\"ticketId\": \"T-10\", \"from\": \"first@{domain}\", \"from\": \"second@{domain}\", \"receivedAt\": \"2026-11-22T10:00:00Z\"}}", "duplicate"),
        };

        foreach (var (body, _) in poison)
        {
            await fixture.Bus.PublishRawTicketAsync(body);
        }

        var good = $"good@{domain}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), good));

        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(good) == 1, "the good message after the poison is processed");
        var errors = await fixture.Bus.ErrorQueueMessagesAsync(poison.Length);

        errors.Count.ShouldBe(poison.Length);
        foreach (var (body, reason) in poison)
        {
            var error = errors.Where(e => e.Body.Contains(body.Length > 60 ? body[..60] : body, StringComparison.Ordinal)).ShouldHaveSingleItem();
            error.FaultMessage.ShouldContain(reason, Case.Insensitive);
        }

        (await fixture.Host.QueryAsync(db => Task.FromResult(db.Users.Count(u => u.NormalizedEmail!.EndsWith("@" + domain))))).ShouldBe(1);
    }

    [Fact]
    public async Task OversizedTicket_GoesToTheErrorQueueAsTooLarge_UnparsedAndWithoutAnAccount_AndTheNextGoodOneIsProcessed()
    {
        var domain = Senders.UniqueDomain();
        var oversized = $"large@{domain}";
        var marker = Guid.NewGuid().ToString("N");
        // A valid ticket in every field but its size: an 80 KiB subject.
        var body = JsonSerializer.Serialize(new
        {
            ticketId = $"T-{marker}", from = oversized, subject = new string('s', 80 * 1024), receivedAt = DateTimeOffset.UtcNow,
        });

        await fixture.Bus.PublishRawTicketAsync(body);
        var good = $"good@{domain}";
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), good));

        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(good) == 1, "the good message after the oversized one is processed");
        var errors = new List<ErrorQueueMessage>();
        await Eventually.HoldsAsync(async () =>
        {
            errors.AddRange(await fixture.Bus.DrainErrorQueueAsync());
            return errors.Any(e => e.Body.Contains(marker, StringComparison.Ordinal));
        }, "the oversized message in the error queue");
        errors.Where(e => e.Body.Contains(marker, StringComparison.Ordinal)).ShouldHaveSingleItem().FaultMessage.ShouldStartWith("too-large:");
        (await fixture.Host.CountAccountsAsync(oversized)).ShouldBe(0);
        fixture.Host.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("too-large", StringComparison.Ordinal));
        fixture.Host.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }
}
