using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// Turns the display-name tokens of a name-addr (or an old-style trailing comment) into the display name:
/// RFC 2047 encoded-words decoded (adjacent ones joined without the space between them), whitespace trimmed and
/// collapsed to single spaces, NFC-normalised, and null when nothing is left.
/// </summary>
internal static class DisplayNameBuilder
{
    /// <summary>Longest accepted display name, in Unicode scalar values, after decoding and collapsing.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Builds the display name from a phrase: atoms, quoted-strings and (obs-phrase, as in <c>J. Smith</c>) dots.
    /// Encoded-words are recognised in atoms and, leniently, as whitespace-separated words inside quoted-strings.
    /// </summary>
    public static MailboxParseResult? FromPhrase(MailboxToken[] phrase, out string? displayName)
    {
        displayName = null;
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var token in phrase)
        {
            if (token.Kind is not (MailboxTokenKind.Atom or MailboxTokenKind.QuotedString or MailboxTokenKind.Dot))
            {
                var message = token.Kind == MailboxTokenKind.At
                    ? "The display name contains an unquoted '@'; it must be quoted."
                    : "The display name contains a special character that must be quoted.";
                return MailboxParseResult.Invalid(MailboxParseReasons.Malformed, message);
            }

            if (token.SpaceBefore)
            {
                Flush(words, current);
            }

            if (token.Kind == MailboxTokenKind.QuotedString)
            {
                AppendSplittingOnWhitespace(token.Text, words, current);
            }
            else
            {
                current.Append(token.Text);
            }
        }

        Flush(words, current);
        return Compose(words, out displayName);
    }

    /// <summary>
    /// Builds a display name from an old-style comment (<c>jan@example.nl (Jan Jansen)</c>). A comment is never a
    /// reason to reject a mailbox, so one that does not yield a valid display name gives null.
    /// </summary>
    public static string? FromComment(string? comment)
    {
        if (comment is null)
        {
            return null;
        }

        var words = new List<string>();
        var current = new StringBuilder();
        AppendSplittingOnWhitespace(comment, words, current);
        Flush(words, current);
        return Compose(words, out var displayName) is null ? displayName : null;
    }

    private static MailboxParseResult? Compose(List<string> words, out string? displayName)
    {
        displayName = null;
        var builder = new StringBuilder();
        var previousWasEncoded = false;
        for (var i = 0; i < words.Count; i++)
        {
            var encoded = EncodedWordDecoder.IsEncodedWord(words[i]);
            var text = words[i];
            if (encoded && !EncodedWordDecoder.TryDecode(words[i], out text))
            {
                return MailboxParseResult.Invalid(
                    MailboxParseReasons.InvalidEncodedWord, "The display name has an encoded-word that cannot be decoded.");
            }

            if (i > 0 && !(encoded && previousWasEncoded))
            {
                builder.Append(' ');
            }

            builder.Append(text);
            previousWasEncoded = encoded;
        }

        var decoded = builder.ToString();
        if (UnicodeText.ContainsControlCharacter(decoded))
        {
            return MailboxParseResult.Invalid(
                MailboxParseReasons.ControlCharacters, "The decoded display name contains control characters.");
        }

        if (UnicodeText.ContainsUnpairedSurrogate(decoded)
            || !UnicodeText.TryNormalizeNfc(CollapseWhitespace(decoded), out var normalized))
        {
            return MailboxParseResult.Invalid(
                MailboxParseReasons.InvalidEncodedWord, "The decoded display name is not valid Unicode.");
        }

        var length = 0;
        foreach (var _ in normalized.EnumerateRunes())
        {
            length++;
        }

        if (length > MaxLength)
        {
            return MailboxParseResult.Invalid(
                MailboxParseReasons.DisplayNameTooLong, "The display name is longer than 200 characters.");
        }

        displayName = normalized.Length == 0 ? null : normalized;
        return null;
    }

    private static void AppendSplittingOnWhitespace(string text, List<string> words, StringBuilder current)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                Flush(words, current);
            }
            else
            {
                current.Append(c);
            }
        }
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
