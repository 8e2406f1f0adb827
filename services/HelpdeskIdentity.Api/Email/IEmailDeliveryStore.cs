namespace HelpdeskIdentity.Api.Email;

public interface IEmailDeliveryStore
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due e-mails (rows other instances hold are skipped),
    /// calls <paramref name="deliver"/> for each, records each outcome, and returns how many were claimed.
    /// </summary>
    Task<int> DeliverDueAsync(int batchSize, Func<EmailOutboxEntry, CancellationToken, Task<EmailOutcome>> deliver, CancellationToken cancellationToken);

    /// <summary>Deletes e-mails sent, or given up on, before <paramref name="cutoff"/>; pending ones stay. Returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
