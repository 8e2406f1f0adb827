namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// The one way a forgot-password request is made — the forgot-password page, "e-mail me a sign-in code", an operator's
/// claim link: one INSERT, the same whether or not the address has an account, then the worker is woken
/// (<see cref="PasswordResetWorker"/> answers it by e-mail).
/// </summary>
public sealed class ForgotPasswordRequests(PasswordResetStore store, PasswordResetSignal signal, TimeProvider clock)
{
    /// <param name="address">As typed or stored; compared in its lookup form (<see cref="MailboxLookupNormalizer"/>).</param>
    /// <param name="language">The e-mail's language (the page's, or the account's); null for the default.</param>
    public async Task RecordAsync(string address, string? returnUrl, string? language, string purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await store.AddRequestAsync(
            new PasswordResetRequest(Guid.CreateVersion7(now), MailboxLookupNormalizer.Normalize(address), returnUrl, language, purpose),
            now, cancellationToken);
        signal.Notify();
    }
}
