namespace HelpdeskIdentity.Api.Outbox;

/// <summary>Wakes the outbox publisher as soon as a transaction with outbox rows commits in this instance.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the publisher will see this row in the same drain.
        }
    }

    /// <summary>Waits for a signal or the poll interval (rows written by other instances, retries due).</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _pending.WaitAsync(pollInterval, cancellationToken);
}
