namespace HelpdeskIdentity.Api.Email;

/// <summary>Configuration section <c>Email:Mailbox</c>: the development mailbox at <c>/dev/mailbox</c>.</summary>
public sealed class MailboxPageOptions
{
    /// <summary>Shows the page outside Development too (a demo machine); never in production.</summary>
    public bool Enabled { get; set; }
}
