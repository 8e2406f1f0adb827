namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Wakes a <see cref="RequestWorker{TRequest}"/> as soon as this instance accepted a request for it.</summary>
public class RequestSignal
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
            // Already signalled: the worker takes this request in the same pass.
        }
    }

    /// <summary>Waits for a signal or the poll interval (requests another instance accepted).</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => _pending.WaitAsync(pollInterval, cancellationToken);
}
