using System.Text;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Reads back the MIME this service writes (<see cref="MailMessageFactory"/>): RFC 2047 headers and a
/// multipart/alternative body whose parts are base64 or quoted-printable. Enough for the dev mailbox
/// and tests; not a general MIME parser.
/// </summary>
public static partial class EmlReader
{
    public static EmlMessage Read(string eml)
    {
        var (headers, body) = Split(eml.ReplaceLineEndings("\r\n"));
        string? text = null, html = null;
        var boundary = Parameter(headers.GetValueOrDefault("content-type", ""), "boundary");
        IEnumerable<(Dictionary<string, string>, string)> parts = boundary is null
            ? [(headers, body)]
            : body.Split("--" + boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).Select(p => Split(p.TrimStart('\r', '\n')));
        foreach (var part in parts)
        {
            var type = part.Item1.GetValueOrDefault("content-type", "text/plain");
            var content = Decode(part.Item2, part.Item1.GetValueOrDefault("content-transfer-encoding", ""));
            if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html ??= content;
            }
            else if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                text ??= content;
            }
        }

        return new EmlMessage(headers, text, html);
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? entity : entity[..end];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in UnfoldRegex().Replace(head, " ").Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim().ToLowerInvariant(), DecodeWords(line[(colon + 1)..].Trim()));
            }
        }

        return (headers, end < 0 ? "" : entity[(end + 4)..]);
    }

    private static string DecodeWords(string value) =>
        EncodedWordRegex().Replace(BetweenWordsRegex().Replace(value, "$1$2"), m => EncodedWordDecoder.TryDecode(m.Value, out var decoded) ? decoded : m.Value);

    private static string Decode(string body, string transferEncoding)
    {
        var trimmed = body.TrimEnd('\r', '\n');
        return transferEncoding.Trim().ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => QuotedPrintable(trimmed),
            _ => trimmed,
        };
    }

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string? Parameter(string headerValue, string name)
    {
        var match = Regex.Match(headerValue, $@"{name}=(""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex UnfoldRegex();

    [GeneratedRegex(@"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=")]
    private static partial Regex EncodedWordRegex();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex BetweenWordsRegex();
}
