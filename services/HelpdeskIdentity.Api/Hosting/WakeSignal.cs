namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// Wakes a background loop as soon as this instance wrote work for it (a committed outbox row, an accepted request);
/// work written by other instances is found at the poll interval. One subclass per loop, so each has its own.
/// </summary>
public abstract class WakeSignal
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
            // Already signalled: the loop takes this work in the same pass.
        }
    }

    /// <summary>Waits for a signal or the poll interval (work another instance wrote, retries due).</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => _pending.WaitAsync(pollInterval, cancellationToken);
}
