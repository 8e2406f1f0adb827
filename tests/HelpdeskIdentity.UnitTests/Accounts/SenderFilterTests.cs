using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Tickets;
using Microsoft.Extensions.Options;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Accounts;

public sealed class SenderFilterTests
{
    private static readonly SenderFilter Filter = new(Options.Create(new TicketIntakeOptions
    {
        HelpdeskAddresses = ["Support@Helpdesk.example"],
        HelpdeskDomains = ["helpdesk-mail.example"],
        DeniedAddresses = ["spammer@example.org"],
        DeniedDomains = ["blocked.example"],
    }));

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.nl", "mail-system")]
    [InlineData("mailer_daemon@example.nl", "mail-system")]
    [InlineData("postmaster@example.nl", "mail-system")]
    [InlineData("bounces+12345@mailer.example.com", "mail-system")]
    [InlineData("Mail Delivery Subsystem <mail-delivery-subsystem@example.com>", "mail-system")]
    [InlineData("noreply@example.nl", "no-reply")]
    [InlineData("no-reply@example.nl", "no-reply")]
    [InlineData("No_Reply@example.nl", "no-reply")]
    [InlineData("donotreply@example.nl", "no-reply")]
    [InlineData("do-not-reply@example.nl", "no-reply")]
    [InlineData("do.not.reply@example.nl", "no-reply")]
    [InlineData("noreply+invoices@example.nl", "no-reply")]
    [InlineData("no-reply-notifications@example.nl", "no-reply")]
    [InlineData("\"Helpdesk\" <support@HELPDESK.example>", "helpdesk-address")]
    [InlineData("anyone@helpdesk-mail.example", "helpdesk-address")]
    [InlineData("anyone@eu.helpdesk-mail.example", "helpdesk-address")]
    [InlineData("spammer@example.org", "deny-list")]
    [InlineData("someone@blocked.example", "deny-list")]
    [InlineData("someone@mail.blocked.example", "deny-list")]
    public void SkipReason_NotAPerson_GivesTheReason(string from, string reason) =>
        Filter.SkipReason(Parse(from)).ShouldBe(reason);

    [Theory]
    [InlineData("jan@example.nl")]
    [InlineData("reply@example.nl")]
    [InlineData("norene@example.nl")]
    [InlineData("postmaster.jansen@example.nl")]
    [InlineData("daemon@example.nl")]
    [InlineData("support@example.nl")]
    [InlineData("someone@notblocked.example")]
    [InlineData("someone@helpdesk.example")]
    [InlineData("friend-of-spammer@example.org")]
    public void SkipReason_APerson_IsNull(string from) =>
        Filter.SkipReason(Parse(from)).ShouldBeNull();

    private static MailboxAddress Parse(string from) => MailboxParser.Parse(from).Mailbox.ShouldNotBeNull();
}
