namespace HelpdeskIdentity.Api.Email;

/// <summary>Configuration section <c>Email</c>; checked by <see cref="EmailOptionsValidator"/>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Pickup;

    /// <summary>The sender, <c>no-reply@example.com</c> or <c>Helpdesk &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>The origin links in e-mails start with; empty means <c>Oidc:Issuer</c>.</summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>The folder <see cref="EmailProvider.Pickup"/> writes <c>.eml</c> files to.</summary>
    public string PickupDirectory { get; set; } = "";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 10;

    /// <summary>Upper bound of the exponential back-off between attempts at one e-mail.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An e-mail not sent this long after it was enqueued is marked failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a sent or failed e-mail's row (address, subject, status — the body is gone once sent) is kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>One send longer than this counts as failed and is retried.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public SendGridOptions SendGrid { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The development inbox; its section keeps the name it has always had, <c>Email:Mailbox</c>.</summary>
    [ConfigurationKeyName("Mailbox")]
    public DevInboxOptions DevInbox { get; set; } = new();
}
