using System.Globalization;
using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>Small, exception-free Unicode checks shared by the mailbox parser's parts, the person-name rule and organisation names.</summary>
internal static class UnicodeText
{
    /// <summary>
    /// True when the text holds a C0 or C1 control character or DEL. Horizontal tab is allowed: it is folding
    /// white space (WSP) in RFC 5322 and cannot start a new header line.
    /// </summary>
    public static bool ContainsControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c != '\t' && char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the text holds a character that is not shown as itself: a control character (tab included), an
    /// invisible formatting character (bidirectional overrides such as U+202E, zero-width characters), or a line or
    /// paragraph separator. Such text is not a name.
    /// </summary>
    public static bool ContainsControlOrFormatCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c)
                    is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a UTF-16 surrogate in the text is not part of a valid pair.</summary>
    public static bool ContainsUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Normalises to NFC; false (instead of an exception) when the text is not valid Unicode.</summary>
    public static bool TryNormalizeNfc(string text, out string normalized)
    {
        try
        {
            normalized = text.Normalize(NormalizationForm.FormC);
            return true;
        }
        catch (ArgumentException)
        {
            normalized = text;
            return false;
        }
    }
}
