namespace HelpdeskIdentity.Api.Accounts;

public enum TicketIntakeResult
{
    /// <summary>A new unclaimed account was created, and RequesterAccountCreated queued.</summary>
    Created,

    /// <summary>The sender already had an account; its ticket count and last-seen time moved on.</summary>
    Counted,

    /// <summary>This ticket id was counted before (a redelivery): nothing changed.</summary>
    Duplicate,

    /// <summary>The sender is not a person (mailer-daemon, no-reply, deny list…): nothing stored.</summary>
    Skipped,
}
