using HelpdeskIdentity.Api.MailAddresses;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>A ticket reduced to what account intake needs: a validated id, a parsed sender, a UTC time.</summary>
public sealed record RequesterTicket(string TicketId, MailboxAddress Sender, DateTimeOffset ReceivedAt);
