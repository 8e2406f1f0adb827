using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

/// <summary>
/// Security review findings 6 and 13: a refused ticket is one warning line with its reason — no error, no stack
/// trace — and the ticket id it was refused for is logged bounded and escaped, never raw.
/// </summary>
public sealed class RefusedTicketLogTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task TicketIdWithAForgedLogLine_LoggedEscapedAndBounded_OneWarning_NoError()
    {
        var marker = Guid.NewGuid().ToString("N");
        var forged = $"T-{marker}\n12:00:00 info: Account admin@helpdesk.example signed in" + new string('x', 5_000);

        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(forged, $"a@{Senders.UniqueDomain()}"));

        var line = await WaitForLogAsync(marker);
        line.Level.ShouldBe(LogLevel.Warning);
        line.Message.ShouldContain("invalid-ticket-id");
        line.Message.ShouldContain($"T-{marker}\\u000a12:00:00 info:");
        line.Message.ShouldNotContain("\n");
        line.Message.Length.ShouldBeLessThan(300);
        line.Exception.ShouldBeNull();
        await AssertNoErrorsSinceAsync();
    }

    [Fact]
    public async Task UnreadableAndRefusedTickets_OneWarningEach_NoErrorOrStackTrace()
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Bus.PublishRawTicketAsync("{\"ticketId\": \"T-" + marker + "\", \"from\": ");
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket($"T-{marker}-2", "not an address"));

        var refused = await WaitForLogAsync($"T-{marker}-2");
        refused.Level.ShouldBe(LogLevel.Warning);
        refused.Message.ShouldContain("missing-at-sign");
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Host.Logs.Entries.Any(e => e.Message.Contains("unreadable-json", StringComparison.Ordinal))),
            "the unreadable message is logged");
        await AssertNoErrorsSinceAsync();
    }

    [Fact]
    public async Task JsonNullBody_OneWarningAsUnreadable_NoErrorOrStackTrace()
    {
        var before = fixture.Host.Logs.Entries.Count(e => e.Message.Contains("unreadable-json", StringComparison.Ordinal));

        await fixture.Bus.PublishRawTicketAsync("null");

        await Eventually.HoldsAsync(
            () => Task.FromResult(fixture.Host.Logs.Entries.Count(e => e.Message.Contains("unreadable-json", StringComparison.Ordinal)) > before),
            "the null body is logged as unreadable");
        await AssertNoErrorsSinceAsync();
    }

    [Theory]
    [InlineData("{\"messageType\": [\"urn:message:helpdesk:ticket-received:v1\"], \"message\": null}")]
    [InlineData("{\"messageId\": \"not-a-guid\", \"messageType\": [\"urn:message:helpdesk:ticket-received:v1\"], \"message\": {\"ticketId\": \"T-envelope\", \"from\": \"jan@envelope.example\", \"receivedAt\": \"2026-11-30T08:00:00Z\"}}")]
    public async Task UnreadableEnvelope_OneWarning_NoErrorOrStackTrace(string envelope)
    {
        await fixture.Bus.PublishRawTicketAsync(envelope, "application/vnd.masstransit+json");

        await AssertNoErrorsSinceAsync();
        fixture.Host.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("moved to the error queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnvelopeOfAnotherMessageType_GoesToTheSkippedQueue_WithOneWarningNamingTheType()
    {
        var ticketId = Senders.UniqueTicketId();
        await fixture.Bus.PublishRawTicketAsync(
            $"{{\"messageId\": \"{Guid.NewGuid()}\", \"messageType\": [\"urn:message:Elsewhere:InvoicePaid\"], \"message\": {{\"ticketId\": \"{ticketId}\"}}}}",
            "application/vnd.masstransit+json");

        var skipped = new List<ErrorQueueMessage>();
        await Eventually.HoldsAsync(async () =>
        {
            skipped.AddRange(await fixture.Bus.DrainSkippedQueueAsync());
            return skipped.Any(m => m.Body.Contains(ticketId, StringComparison.Ordinal));
        }, "the message is kept in the skipped queue");
        var warning = await WaitForLogAsync("no consumer here takes");
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("urn:message:Elsewhere:InvoicePaid");
        fixture.Host.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty();
    }

    private async Task<LogRecorder.LogEntry> WaitForLogAsync(string marker)
    {
        LogRecorder.LogEntry? found = null;
        await Eventually.HoldsAsync(() =>
        {
            found = fixture.Host.Logs.Entries.FirstOrDefault(e => e.Message.Contains(marker, StringComparison.Ordinal));
            return Task.FromResult(found is not null);
        }, $"a log line about {marker}");
        return found!;
    }

    /// <summary>Every message is in the error queue (so every log about it is written), and no error was logged.</summary>
    private async Task AssertNoErrorsSinceAsync()
    {
        await Eventually.HoldsAsync(async () => (await fixture.Bus.DrainErrorQueueAsync()).Count > 0, "the refused messages reach the error queue");
        fixture.Host.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }
}
