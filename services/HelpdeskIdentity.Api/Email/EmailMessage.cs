namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// One e-mail to one person, as a flow hands it to <see cref="IEmailOutbox"/>. The
/// <see cref="IdempotencyKey"/> is the caller's name for "this mail about this event" (for example
/// <c>claim:{accountId}:{tokenId}</c>): enqueueing the same key again is a no-op.
/// </summary>
/// <param name="Category">The template name, for metrics and the provider's categories, e.g. <c>account-claim</c>.</param>
public sealed record EmailMessage(
    string ToAddress,
    string? ToName,
    string Subject,
    string HtmlBody,
    string TextBody,
    string IdempotencyKey,
    string Category);
