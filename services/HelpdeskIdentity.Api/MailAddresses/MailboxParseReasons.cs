namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// The stable, kebab-case reason codes <see cref="MailboxParser"/> returns for a rejected From header value.
/// They are part of the service's observable behaviour (logs, metrics): add codes, never rename them.
/// </summary>
public static class MailboxParseReasons
{
    /// <summary>The value is null, empty or only whitespace.</summary>
    public const string Empty = "empty";

    /// <summary>The value is longer than the RFC 5322 line limit of 998 characters.</summary>
    public const string TooLong = "too-long";

    /// <summary>The value (or a decoded display name) contains CR, LF, NUL or another C0/C1 control character.</summary>
    public const string ControlCharacters = "control-characters";

    /// <summary>The value does not follow the mailbox grammar (stray specials, text after '&gt;', <c>&lt;&gt;</c>, ...).</summary>
    public const string Malformed = "malformed";

    /// <summary>An angle bracket, double quote, parenthesis or square bracket is not closed or not opened.</summary>
    public const string Unbalanced = "unbalanced";

    /// <summary>The value uses RFC 5322 group syntax (<c>name: addresses;</c>), including empty groups.</summary>
    public const string GroupSyntax = "group-syntax";

    /// <summary>An unquoted comma separates more than one mailbox.</summary>
    public const string MultipleAddresses = "multiple-addresses";

    /// <summary>The address has no '@'.</summary>
    public const string MissingAtSign = "missing-at-sign";

    /// <summary>Nothing precedes the '@'.</summary>
    public const string EmptyLocalPart = "empty-local-part";

    /// <summary>Nothing follows the '@'.</summary>
    public const string EmptyDomain = "empty-domain";

    /// <summary>The local part is a quoted-string (<c>"john doe"@example.com</c>); not supported.</summary>
    public const string QuotedLocalPart = "quoted-local-part";

    /// <summary>The domain is a literal (<c>jan@[192.0.2.1]</c>); not supported.</summary>
    public const string DomainLiteral = "domain-literal";

    /// <summary>The local part has dot errors, whitespace or characters outside atext and non-ASCII letters.</summary>
    public const string InvalidLocalPart = "invalid-local-part";

    /// <summary>The domain is not a valid DNS host name after IDNA processing.</summary>
    public const string InvalidDomain = "invalid-domain";

    /// <summary>The local part is longer than 64 UTF-8 octets.</summary>
    public const string LocalPartTooLong = "local-part-too-long";

    /// <summary>The address (with the ASCII domain) is longer than 254 octets.</summary>
    public const string AddressTooLong = "address-too-long";

    /// <summary>The decoded display name is longer than 200 characters.</summary>
    public const string DisplayNameTooLong = "display-name-too-long";

    /// <summary>The display name holds an RFC 2047 encoded-word that cannot be decoded.</summary>
    public const string InvalidEncodedWord = "invalid-encoded-word";
}
