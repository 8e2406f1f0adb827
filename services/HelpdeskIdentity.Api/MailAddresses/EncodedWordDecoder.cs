using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// Decodes one RFC 2047 encoded-word (<c>=?charset?B|Q?encoded-text?=</c>). A word counts as an encoded-word
/// when it has that shape (three non-empty-charset/encoding parts between <c>=?</c> and <c>?=</c>); such a word
/// that cannot be decoded (unknown charset or encoding, bad Base64 or Q text, bytes invalid in the charset) is
/// reported as undecodable rather than silently kept. Never throws.
/// </summary>
internal static class EncodedWordDecoder
{
    // "=?" + charset + "?" + encoding + "?" + "?=": the shortest possible shape has an empty encoded-text.
    private const int MinimumLength = 8;

    public static bool IsEncodedWord(string word) => TrySplit(word, out _, out _, out _);

    public static bool TryDecode(string word, out string decoded)
    {
        decoded = word;
        if (!TrySplit(word, out var charset, out var encoding, out var encodedText))
        {
            return false;
        }

        byte[]? bytes = encoding switch
        {
            "B" or "b" => DecodeBase64(encodedText),
            "Q" or "q" => DecodeQ(encodedText),
            _ => null,
        };
        var characterEncoding = FindEncoding(charset);
        if (bytes is null || characterEncoding is null)
        {
            return false;
        }

        try
        {
            decoded = characterEncoding.GetString(bytes);
            return true;
        }
        catch (ArgumentException)
        {
            // DecoderFallbackException: the bytes are not valid in the declared charset.
            return false;
        }
    }

    private static bool TrySplit(string word, out string charset, out string encoding, out string encodedText)
    {
        charset = encoding = encodedText = string.Empty;
        if (word.Length < MinimumLength || !word.StartsWith("=?", StringComparison.Ordinal)
            || !word.EndsWith("?=", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = word[2..^2].Split('?');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        // RFC 2231 allows a language after the charset: "utf-8*nl".
        var star = parts[0].IndexOf('*', StringComparison.Ordinal);
        charset = star >= 0 ? parts[0][..star] : parts[0];
        encoding = parts[1];
        encodedText = parts[2];
        return true;
    }

    private static Encoding? FindEncoding(string charset)
    {
        if (charset.Length == 0)
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // Not built in (UTF-*, ASCII, Latin-1): try the Windows and ISO code pages, without registering them
            // process-wide.
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(
                charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static byte[]? DecodeBase64(string text)
    {
        // Be lenient about missing padding, which some mailers omit.
        var padded = (text.Length % 4) switch
        {
            0 => text,
            2 => text + "==",
            3 => text + "=",
            _ => null,
        };
        if (padded is null)
        {
            return null;
        }

        var buffer = new byte[padded.Length / 4 * 3];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    private static byte[]? DecodeQ(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '=')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return null;
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (c is > ' ' and < '\x7f')
            {
                bytes.Add((byte)c);
            }
            else
            {
                return null;
            }
        }

        return [.. bytes];
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
