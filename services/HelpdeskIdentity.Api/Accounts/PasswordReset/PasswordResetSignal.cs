namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>Wakes the <see cref="PasswordResetWorker"/> as soon as this instance accepted a forgot-password request.</summary>
public sealed class PasswordResetSignal
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
