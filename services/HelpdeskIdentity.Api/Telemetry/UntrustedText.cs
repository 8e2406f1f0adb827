using System.Globalization;
using System.Text;

namespace HelpdeskIdentity.Api.Telemetry;

/// <summary>
/// Untrusted text as a log may show it: at most <see cref="MaxLength"/> characters (or as many as asked) (then "…"), with every control,
/// formatting (bidirectional override, zero-width) and separator character but the plain space written as
/// <c>\uXXXX</c> — so a value cannot forge a log line, hide in one, or fill the disk.
/// </summary>
public static class UntrustedText
{
    public const int MaxLength = 64;

    public static string ForLog(string? text, int maxLength = MaxLength)
    {
        if (text is null)
        {
            return "(none)";
        }

        var shown = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        for (var i = 0; i < text.Length && i < maxLength; i++)
        {
            var c = text[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (c == '\\' || (c != ' ' && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator or UnicodeCategory.Surrogate))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return text.Length > maxLength ? shown.Append('…').ToString() : shown.ToString();
    }
}
