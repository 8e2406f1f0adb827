using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// Splits a header value into RFC 5322 tokens: atoms, quoted-strings, domain literals and the specials of the
/// mailbox grammar. Whitespace and (nested) comments are skipped; they only mark the next token as preceded by
/// space. Never throws. Callers reject control characters and unpaired surrogates before tokenising.
/// </summary>
internal sealed class MailboxTokenizer
{
    // ASCII atext (RFC 5322 section 3.2.3) besides letters and digits.
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    private readonly string _text;
    private readonly List<MailboxToken> _tokens = [];
    private int _position;
    private bool _spaceBefore;
    private string? _commentAfterLastToken;

    private MailboxTokenizer(string text) => _text = text;

    /// <summary>The tokens, in order; empty when <see cref="Error"/> is set.</summary>
    public MailboxToken[] Tokens { get; private set; } = [];

    /// <summary>The first comment after the last token (old-style <c>jan@example.nl (Jan)</c>), if any.</summary>
    public string? TrailingComment { get; private set; }

    /// <summary>Why the value could not be tokenised (unbalanced quotes, comments or brackets), or null.</summary>
    public MailboxParseResult? Error { get; private set; }

    public static MailboxTokenizer Tokenize(string text)
    {
        var tokenizer = new MailboxTokenizer(text);
        tokenizer.Error = tokenizer.Scan();
        if (tokenizer.Error is null)
        {
            tokenizer.Tokens = [.. tokenizer._tokens];
            tokenizer.TrailingComment = tokenizer._tokens.Count > 0 ? tokenizer._commentAfterLastToken : null;
        }

        return tokenizer;
    }

    private MailboxParseResult? Scan()
    {
        while (_position < _text.Length)
        {
            var error = _text[_position] switch
            {
                ' ' or '\t' => SkipWhitespace(),
                '(' => ReadComment(),
                '"' => ReadQuotedString(),
                '[' => ReadDomainLiteral(),
                ')' => Fail(MailboxParseReasons.Unbalanced, "A ')' closes a comment that was never opened."),
                ']' => Fail(MailboxParseReasons.Unbalanced, "A ']' closes a domain literal that was never opened."),
                '\\' => Fail(MailboxParseReasons.Malformed, "A backslash is only allowed inside quotes or comments."),
                '.' => AddSpecial(MailboxTokenKind.Dot),
                '@' => AddSpecial(MailboxTokenKind.At),
                ',' => AddSpecial(MailboxTokenKind.Comma),
                ':' => AddSpecial(MailboxTokenKind.Colon),
                ';' => AddSpecial(MailboxTokenKind.Semicolon),
                '<' => AddSpecial(MailboxTokenKind.LeftAngle),
                '>' => AddSpecial(MailboxTokenKind.RightAngle),
                _ => ReadAtom(),
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static bool IsAtomCharacter(char c) =>
        c >= 0x80 ? !char.IsControl(c) : char.IsAsciiLetterOrDigit(c) || AtextSymbols.Contains(c);

    private static MailboxParseResult Fail(string reason, string message) => MailboxParseResult.Invalid(reason, message);

    private void Add(MailboxTokenKind kind, string text)
    {
        _tokens.Add(new MailboxToken(kind, text, _spaceBefore));
        _spaceBefore = false;
        _commentAfterLastToken = null;
    }

    private MailboxParseResult? SkipWhitespace()
    {
        _spaceBefore = true;
        _position++;
        return null;
    }

    private MailboxParseResult? AddSpecial(MailboxTokenKind kind)
    {
        Add(kind, _text[_position].ToString());
        _position++;
        return null;
    }

    private MailboxParseResult? ReadAtom()
    {
        var start = _position;
        while (_position < _text.Length && IsAtomCharacter(_text[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            return Fail(MailboxParseReasons.Malformed, "The value contains a character that is not allowed here.");
        }

        Add(MailboxTokenKind.Atom, _text[start.._position]);
        return null;
    }

    private MailboxParseResult? ReadQuotedString()
    {
        var content = new StringBuilder();
        for (var i = _position + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '"')
            {
                _position = i + 1;
                Add(MailboxTokenKind.QuotedString, content.ToString());
                return null;
            }

            if (c == '\\')
            {
                if (++i == _text.Length)
                {
                    break;
                }

                c = _text[i];
            }

            content.Append(c);
        }

        return Fail(MailboxParseReasons.Unbalanced, "A quoted string is not closed.");
    }

    private MailboxParseResult? ReadComment()
    {
        var content = new StringBuilder();
        var depth = 1;
        for (var i = _position + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\')
            {
                if (++i == _text.Length)
                {
                    break;
                }

                content.Append(_text[i]);
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                _position = i + 1;
                _spaceBefore = true;
                _commentAfterLastToken ??= content.ToString();
                return null;
            }

            content.Append(c);
        }

        return Fail(MailboxParseReasons.Unbalanced, "A comment is not closed.");
    }

    private MailboxParseResult? ReadDomainLiteral()
    {
        var end = _text.IndexOf(']', _position + 1);
        if (end < 0)
        {
            return Fail(MailboxParseReasons.Unbalanced, "A domain literal '[' is not closed.");
        }

        Add(MailboxTokenKind.DomainLiteral, _text[_position..(end + 1)]);
        _position = end + 1;
        return null;
    }
}
