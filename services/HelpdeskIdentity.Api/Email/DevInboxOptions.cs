namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Configuration section <c>Email:Mailbox</c>: the development inbox at <c>/dev/mailbox</c> ("mailbox" elsewhere in the
/// code is an RFC 5322 address, MailAddresses/).
/// </summary>
public sealed class DevInboxOptions
{
    /// <summary>Shows the page outside Development too (a demo machine); never in production.</summary>
    public bool Enabled { get; set; }
}
