namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>Either a mailbox, or a stable machine reason (kebab-case) and a readable message.</summary>
public sealed record MailboxParseResult(MailboxAddress? Mailbox, string? Reason, string? Message)
{
    public bool IsValid => Mailbox is not null;

    public static MailboxParseResult Valid(MailboxAddress mailbox) => new(mailbox, null, null);

    public static MailboxParseResult Invalid(string reason, string message) => new(null, reason, message);
}
