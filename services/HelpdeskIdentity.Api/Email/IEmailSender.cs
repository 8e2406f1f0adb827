namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Hands one e-mail to a provider. Returning means the provider accepted it; throwing
/// <see cref="EmailRejectedException"/> means it never will (no retry); any other exception is
/// retried later with the same message id.
/// </summary>
public interface IEmailSender
{
    /// <summary>The provider's name in metrics.</summary>
    string Name { get; }

    Task SendAsync(EmailOutboxEntry email, CancellationToken cancellationToken);
}
