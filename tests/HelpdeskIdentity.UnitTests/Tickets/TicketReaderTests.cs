using System.Globalization;
using HelpdeskIdentity.Api.Tickets;
using HelpdeskIdentity.Contracts;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Tickets;

public sealed class TicketReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_ValidTicket_GivesParsedSenderAndUtcTime()
    {
        var ticket = TicketReader.Read(Ticket(" T-42 ", "\"Jan Jansen\" <Jan@Example.NL>", new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.FromHours(1))), Now);

        ticket.TicketId.ShouldBe("T-42");
        ticket.Sender.Address.ShouldBe("jan@example.nl");
        ticket.Sender.DisplayName.ShouldBe("Jan Jansen");
        ticket.ReceivedAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        ticket.ReceivedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("", "jan@example.nl", "missing-ticket-id")]
    [InlineData("   ", "jan@example.nl", "missing-ticket-id")]
    [InlineData("T-1\n2", "jan@example.nl", "invalid-ticket-id")]
    [InlineData("T-1", "undisclosed-recipients:;", "group-syntax")]
    [InlineData("T-1", "jan@example.nl\r\nBcc: all@example.nl", "control-characters")]
    public void Read_BadTicket_IsRefusedWithTheReason(string ticketId, string from, string reason)
    {
        var error = Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket(ticketId, from, Now), Now));

        error.Reason.ShouldBe(reason);
        error.Message.ShouldStartWith(reason + ": ");
    }

    [Fact]
    public void Read_OverlongTicketId_IsRefused() =>
        Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket(new string('x', 201), "jan@example.nl", Now), Now))
            .Reason.ShouldBe("invalid-ticket-id");

    [Fact]
    public void Read_MissingReceivedAt_IsRefused() =>
        Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket("T-1", "jan@example.nl", default), Now))
            .Reason.ShouldBe("missing-received-at");

    [Theory]
    [InlineData("9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("2026-12-01T12:00:01+00:00")]
    [InlineData("1969-12-31T23:59:59+00:00")]
    [InlineData("0001-01-01T00:00:01+00:00")]
    public void Read_ReceivedAtThatCannotBeTrue_IsRefused(string receivedAt) =>
        Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket("T-1", "jan@example.nl", DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture)), Now))
            .Reason.ShouldBe("received-at-out-of-range");

    [Theory]
    [InlineData("2026-12-01T12:00:00+00:00")]
    [InlineData("1970-01-01T00:00:00+00:00")]
    public void Read_ReceivedAtWithinAPublishersClockSkewOrSinceTheEpoch_IsKept(string receivedAt) =>
        TicketReader.Read(Ticket("T-1", "jan@example.nl", DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture)), Now)
            .ReceivedAt.ShouldBe(DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture));

    private static TicketReceived Ticket(string ticketId, string from, DateTimeOffset receivedAt) =>
        new() { TicketId = ticketId, From = from, ReceivedAt = receivedAt };
}
