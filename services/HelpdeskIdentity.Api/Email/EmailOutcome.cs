namespace HelpdeskIdentity.Api.Email;

/// <summary>What one delivery attempt leaves in the row: sent, failed for good, or pending until <see cref="NextAttemptAt"/>.</summary>
public sealed record EmailOutcome(string Status, DateTimeOffset? NextAttemptAt = null, string? Error = null)
{
    public static readonly EmailOutcome Sent = new(EmailStatus.Sent);

    public static EmailOutcome Failed(string error) => new(EmailStatus.Failed, null, error);

    public static EmailOutcome RetryAt(DateTimeOffset next, string error) => new(EmailStatus.Pending, next, error);
}
