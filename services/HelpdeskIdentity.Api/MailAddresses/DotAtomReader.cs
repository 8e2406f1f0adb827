using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// Reads RFC 5322 dot-atom-text from tokens: atoms separated by single dots, with no whitespace or comments
/// inside (whitespace and comments around the whole dot-atom are fine and never reach this reader).
/// </summary>
internal static class DotAtomReader
{
    public enum Problem
    {
        None,

        /// <summary>A token other than an atom or a dot (a quoted-string, a stray special).</summary>
        UnexpectedToken,

        /// <summary>Two atoms separated only by whitespace or a comment: words, not one dot-atom.</summary>
        AdjacentWords,

        /// <summary>A leading, trailing (where not allowed) or double dot.</summary>
        MisplacedDot,

        /// <summary>Whitespace or a comment next to a dot (obsolete syntax, not accepted).</summary>
        InnerWhitespace,
    }

    /// <summary>Reads the dot-atom; a domain may end in one dot (a fully qualified name), kept in the text.</summary>
    public static Problem Read(MailboxToken[] tokens, bool allowTrailingDot, out string text)
    {
        text = string.Empty;
        if (tokens.Length == 0)
        {
            return Problem.UnexpectedToken;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var afterAtom = i > 0 && tokens[i - 1].Kind == MailboxTokenKind.Atom;
            if (token.Kind is not (MailboxTokenKind.Atom or MailboxTokenKind.Dot))
            {
                return Problem.UnexpectedToken;
            }

            if (token.Kind == MailboxTokenKind.Atom && afterAtom)
            {
                return Problem.AdjacentWords;
            }

            if (token.Kind == MailboxTokenKind.Dot && !afterAtom)
            {
                return Problem.MisplacedDot;
            }

            if (i > 0 && token.SpaceBefore)
            {
                return Problem.InnerWhitespace;
            }

            builder.Append(token.Text);
        }

        if (tokens[^1].Kind == MailboxTokenKind.Dot && !allowTrailingDot)
        {
            return Problem.MisplacedDot;
        }

        text = builder.ToString();
        return Problem.None;
    }
}
