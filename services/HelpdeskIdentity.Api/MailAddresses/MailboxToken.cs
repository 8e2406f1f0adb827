namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>One lexical token of a header value.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token's text (for a quoted-string: the unescaped content).</param>
/// <param name="SpaceBefore">Whether whitespace or a comment separates it from the previous token.</param>
internal readonly record struct MailboxToken(MailboxTokenKind Kind, string Text, bool SpaceBefore);
