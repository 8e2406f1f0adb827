namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// What one e-mail says, before <see cref="EmailLayout"/> brands it: plain-text paragraphs (HTML-encoded by
/// the layout, so a name or address can never inject markup), an optional button, and a closing line.
/// </summary>
public sealed record EmailContent(
    string ToAddress,
    string? ToName,
    string Subject,
    IReadOnlyList<string> Paragraphs,
    EmailAction? Action,
    string Closing,
    string IdempotencyKey,
    string Category);

/// <summary>The one thing an e-mail asks the reader to do: a button, with the link also written out.</summary>
public sealed record EmailAction(string Label, Uri Link);
