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

    /// <summary>Waits for a signal or, on <paramref name="clock"/>, the poll interval (work another instance wrote, retries due).</summary>
    public async Task WaitAsync(TimeSpan pollInterval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var interval = new CancellationTokenSource(pollInterval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interval.Token);
        try
        {
            await _pending.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed without a signal.
        }
    }
}
