using HelpdeskIdentity.Api.Tickets;
using HelpdeskIdentity.Contracts;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Tickets;

public sealed class TicketReaderTests
{
    [Fact]
    public void Read_ValidTicket_GivesParsedSenderAndUtcTime()
    {
        var ticket = TicketReader.Read(Ticket(" T-42 ", "\"Jan Jansen\" <Jan@Example.NL>", new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.FromHours(1))));

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
        var error = Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket(ticketId, from, DateTimeOffset.UtcNow)));

        error.Reason.ShouldBe(reason);
        error.Message.ShouldStartWith(reason + ": ");
    }

    [Fact]
    public void Read_OverlongTicketId_IsRefused() =>
        Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket(new string('x', 201), "jan@example.nl", DateTimeOffset.UtcNow)))
            .Reason.ShouldBe("invalid-ticket-id");

    [Fact]
    public void Read_MissingReceivedAt_IsRefused() =>
        Should.Throw<InvalidTicketException>(() => TicketReader.Read(Ticket("T-1", "jan@example.nl", default)))
            .Reason.ShouldBe("missing-received-at");

    private static TicketReceived Ticket(string ticketId, string from, DateTimeOffset receivedAt) =>
        new() { TicketId = ticketId, From = from, ReceivedAt = receivedAt };
}
