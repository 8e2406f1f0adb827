namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>The lexical tokens of the RFC 5322 mailbox grammar that <see cref="MailboxTokenizer"/> produces.</summary>
internal enum MailboxTokenKind
{
    /// <summary>A run of atext (RFC 5322), extended with any non-ASCII character (RFC 6532).</summary>
    Atom,

    /// <summary>A quoted-string; the token text is its content with the quotes and quoted-pair escapes removed.</summary>
    QuotedString,

    /// <summary>A domain literal such as <c>[192.0.2.1]</c>, brackets included.</summary>
    DomainLiteral,

    Dot,
    At,
    Comma,
    Colon,
    Semicolon,
    LeftAngle,
    RightAngle,
}
