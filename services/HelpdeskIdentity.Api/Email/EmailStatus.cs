namespace HelpdeskIdentity.Api.Email;

/// <summary>The values of <c>email_outbox.status</c>.</summary>
public static class EmailStatus
{
    public const string Pending = "pending";

    public const string Sent = "sent";

    public const string Failed = "failed";
}
