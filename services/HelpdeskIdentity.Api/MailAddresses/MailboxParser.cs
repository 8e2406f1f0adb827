using System.Globalization;
using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>Parses one RFC 5322 mailbox (name-addr or addr-spec) from a From header value.</summary>
/// <remarks>
/// The value is checked in this order, and the first problem found is the reason returned: emptiness, length,
/// control characters, unbalanced quotes/comments/brackets, group syntax, more than one mailbox, angle brackets,
/// the address (local part, then domain, then overall length), and last the display name.
/// <para>
/// An unquoted comma always means "more than one mailbox" (<see cref="MailboxParseReasons.MultipleAddresses"/>),
/// even when a part is not a mailbox on its own: <c>Jansen, Jan &lt;jan@example.nl&gt;</c> is, per RFC 5322, the
/// list "Jansen" and "Jan &lt;jan@example.nl&gt;". Guessing that the comma belonged to the name would make us
/// accept lists and pick one of their addresses, so the sender must quote such a name.
/// </para>
/// </remarks>
public static class MailboxParser
{
    /// <summary>RFC 5322 line-length limit, applied to the whole (unfolded) header value.</summary>
    private const int MaxValueLength = 998;

    private const int MaxLocalPartOctets = 64;
    private const int MaxAddressOctets = 254;

    /// <summary>Parses a raw From header value; never throws.</summary>
    public static MailboxParseResult Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Invalid(MailboxParseReasons.Empty, "The From header value is empty.");
        }

        if (value.Length > MaxValueLength)
        {
            return Invalid(MailboxParseReasons.TooLong, "The From header value is longer than 998 characters.");
        }

        if (UnicodeText.ContainsControlCharacter(value))
        {
            return Invalid(MailboxParseReasons.ControlCharacters, "The From header value contains control characters.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid(MailboxParseReasons.Empty, "The From header value is only whitespace.");
        }

        if (UnicodeText.ContainsUnpairedSurrogate(value))
        {
            return Invalid(MailboxParseReasons.Malformed, "The From header value contains an unpaired surrogate.");
        }

        var tokenizer = MailboxTokenizer.Tokenize(value);
        if (tokenizer.Error is { } tokenError)
        {
            return tokenError;
        }

        var tokens = tokenizer.Tokens;
        if (tokens.Length == 0)
        {
            return Invalid(MailboxParseReasons.Malformed, "The From header value contains only comments.");
        }

        if (CheckSingleMailbox(tokens) is { } listError)
        {
            return listError;
        }

        if (SplitNameAddr(tokens, out var phrase, out var addrSpec) is { } angleError)
        {
            return angleError;
        }

        if (ParseAddrSpec(addrSpec, out var localPart, out var domain, out var unicodeDomain) is { } addressError)
        {
            return addressError;
        }

        string? displayName;
        if (phrase is null)
        {
            displayName = DisplayNameBuilder.FromComment(tokenizer.TrailingComment);
        }
        else if (DisplayNameBuilder.FromPhrase(phrase, out displayName) is { } displayNameError)
        {
            return displayNameError;
        }

        return MailboxParseResult.Valid(new MailboxAddress(displayName, localPart, domain, unicodeDomain));
    }

    private static MailboxParseResult Invalid(string reason, string message) =>
        MailboxParseResult.Invalid(reason, message);

    /// <summary>Rejects group syntax and mailbox lists: a ':', ',' or ';' outside angle brackets.</summary>
    private static MailboxParseResult? CheckSingleMailbox(MailboxToken[] tokens)
    {
        var depth = 0;
        bool colon = false, comma = false, semicolon = false;
        foreach (var token in tokens)
        {
            depth += token.Kind switch
            {
                MailboxTokenKind.LeftAngle => 1,
                MailboxTokenKind.RightAngle => -1,
                _ => 0,
            };
            colon |= depth <= 0 && token.Kind == MailboxTokenKind.Colon;
            comma |= depth <= 0 && token.Kind == MailboxTokenKind.Comma;
            semicolon |= depth <= 0 && token.Kind == MailboxTokenKind.Semicolon;
        }

        if (colon)
        {
            return Invalid(MailboxParseReasons.GroupSyntax, "Group syntax (name: addresses;) is not a single mailbox.");
        }

        if (comma)
        {
            return Invalid(MailboxParseReasons.MultipleAddresses, "An unquoted comma separates more than one mailbox.");
        }

        return semicolon ? Invalid(MailboxParseReasons.Malformed, "The value contains a stray ';'.") : null;
    }

    /// <summary>Splits a name-addr into display-name phrase and addr-spec; a bare addr-spec has no phrase.</summary>
    private static MailboxParseResult? SplitNameAddr(
        MailboxToken[] tokens, out MailboxToken[]? phrase, out MailboxToken[] addrSpec)
    {
        phrase = null;
        addrSpec = tokens;
        var left = tokens.Count(t => t.Kind == MailboxTokenKind.LeftAngle);
        var right = tokens.Count(t => t.Kind == MailboxTokenKind.RightAngle);
        if (left == 0 && right == 0)
        {
            return null;
        }

        var open = Array.FindIndex(tokens, t => t.Kind == MailboxTokenKind.LeftAngle);
        var close = Array.FindIndex(tokens, t => t.Kind == MailboxTokenKind.RightAngle);
        if (left != right || open > close)
        {
            return Invalid(MailboxParseReasons.Unbalanced, "The angle brackets around the address are not balanced.");
        }

        if (left > 1)
        {
            return Invalid(MailboxParseReasons.Malformed, "The value has more than one address in angle brackets.");
        }

        if (close != tokens.Length - 1)
        {
            return Invalid(MailboxParseReasons.Malformed, "Only comments may follow the '>' of the address.");
        }

        phrase = tokens[..open];
        addrSpec = tokens[(open + 1)..close];
        return addrSpec.Length == 0
            ? Invalid(MailboxParseReasons.Malformed, "The angle brackets contain no address.")
            : null;
    }

    private static MailboxParseResult? ParseAddrSpec(
        MailboxToken[] tokens, out string localPart, out string domain, out string unicodeDomain)
    {
        localPart = domain = unicodeDomain = string.Empty;
        var at = Array.FindIndex(tokens, t => t.Kind == MailboxTokenKind.At);
        if (at < 0)
        {
            return Invalid(MailboxParseReasons.MissingAtSign, "The address has no '@'.");
        }

        if (Array.FindLastIndex(tokens, t => t.Kind == MailboxTokenKind.At) != at)
        {
            return Invalid(MailboxParseReasons.Malformed, "The address has more than one '@'.");
        }

        if (at == 0)
        {
            return Invalid(MailboxParseReasons.EmptyLocalPart, "The address has nothing before the '@'.");
        }

        if (at == tokens.Length - 1)
        {
            return Invalid(MailboxParseReasons.EmptyDomain, "The address has nothing after the '@'.");
        }

        if (ParseLocalPart(tokens[..at], out localPart) is { } localError)
        {
            return localError;
        }

        if (ParseDomain(tokens[(at + 1)..], out domain, out unicodeDomain) is { } domainError)
        {
            return domainError;
        }

        return Encoding.UTF8.GetByteCount(localPart) + 1 + domain.Length > MaxAddressOctets
            ? Invalid(MailboxParseReasons.AddressTooLong, "The address is longer than 254 octets.")
            : null;
    }

    private static MailboxParseResult? ParseLocalPart(MailboxToken[] tokens, out string localPart)
    {
        localPart = string.Empty;
        if (Array.Exists(tokens, t => t.Kind == MailboxTokenKind.QuotedString))
        {
            return Invalid(MailboxParseReasons.QuotedLocalPart, "Quoted local parts are not supported.");
        }

        var problem = DotAtomReader.Read(tokens, allowTrailingDot: false, out var text);
        var error = problem switch
        {
            DotAtomReader.Problem.None => null,
            DotAtomReader.Problem.UnexpectedToken => Invalid(
                MailboxParseReasons.Malformed, "The local part contains a special character."),
            DotAtomReader.Problem.AdjacentWords => Invalid(
                MailboxParseReasons.Malformed, "Words before the address must be a display name followed by <address>."),
            DotAtomReader.Problem.MisplacedDot => Invalid(
                MailboxParseReasons.InvalidLocalPart, "The local part has a leading, trailing or double dot."),
            _ => Invalid(MailboxParseReasons.InvalidLocalPart, "The local part contains whitespace or a comment."),
        };
        if (error is not null)
        {
            return error;
        }

        if (!UnicodeText.TryNormalizeNfc(text, out var normalized) || !IsAllowedLocalPart(normalized))
        {
            return Invalid(MailboxParseReasons.InvalidLocalPart, "The local part contains a character that is not allowed.");
        }

        localPart = normalized.ToLowerInvariant();
        return Encoding.UTF8.GetByteCount(localPart) > MaxLocalPartOctets
            ? Invalid(MailboxParseReasons.LocalPartTooLong, "The local part is longer than 64 octets.")
            : null;
    }

    private static MailboxParseResult? ParseDomain(MailboxToken[] tokens, out string domain, out string unicodeDomain)
    {
        domain = unicodeDomain = string.Empty;
        if (Array.Exists(tokens, t => t.Kind == MailboxTokenKind.DomainLiteral))
        {
            return Invalid(MailboxParseReasons.DomainLiteral, "Domain literals such as [192.0.2.1] are not supported.");
        }

        var problem = DotAtomReader.Read(tokens, allowTrailingDot: true, out var text);
        var error = problem switch
        {
            DotAtomReader.Problem.None => null,
            DotAtomReader.Problem.UnexpectedToken => Invalid(
                MailboxParseReasons.Malformed, "The domain contains a special character or quoted text."),
            DotAtomReader.Problem.AdjacentWords => Invalid(
                MailboxParseReasons.Malformed, "Unexpected text follows the address."),
            DotAtomReader.Problem.MisplacedDot => Invalid(
                MailboxParseReasons.InvalidDomain, "The domain has a leading or double dot."),
            _ => Invalid(MailboxParseReasons.InvalidDomain, "The domain contains whitespace or a comment."),
        };
        return error ?? DomainNameNormalizer.Normalize(text, out domain, out unicodeDomain);
    }

    /// <summary>ASCII atext (the tokenizer admits nothing else) plus non-ASCII letters, marks and digits.</summary>
    private static bool IsAllowedLocalPart(string localPart)
    {
        foreach (var rune in localPart.EnumerateRunes())
        {
            if (!rune.IsAscii && !Rune.IsLetter(rune) && !Rune.IsDigit(rune)
                && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                return false;
            }
        }

        return true;
    }
}
