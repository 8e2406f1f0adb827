namespace HelpdeskIdentity.Api.Outbox;

public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages (rows other instances hold are skipped),
    /// calls <paramref name="publish"/> for each, marks the published ones, reschedules the failed
    /// ones with back-off, and returns how many were claimed.
    /// </summary>
    Task<int> PublishDueAsync(int batchSize, Func<OutboxMessage, CancellationToken, Task> publish, CancellationToken cancellationToken);

    /// <summary>Forgets published messages older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeletePublishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
