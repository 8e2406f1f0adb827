using System.Globalization;
using System.Text;
using HelpdeskIdentity.Api.MailAddresses;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>How the policy reads a password: NFC, counted in text elements, compared lower-cased.</summary>
internal static class PasswordText
{
    /// <summary>The NFC form, or the text itself when it is not valid Unicode (it is refused anyway).</summary>
    public static string Normalize(string text) => UnicodeText.TryNormalizeNfc(text, out var normalized) ? normalized : text;

    /// <summary>User-perceived characters: "é" typed either way, "👍🏽" and "🇸🇪" each count once.</summary>
    public static int Length(string normalized) => new StringInfo(normalized).LengthInTextElements;

    /// <summary>Control characters (a tab included) or unpaired surrogates.</summary>
    public static bool ContainsInvalid(string text) =>
        text.Any(char.IsControl) || UnicodeText.ContainsUnpairedSurrogate(text);

    /// <summary>Lower-cased letters and digits only: what personal data is compared on ("Jan.Jansen" → "janjansen").</summary>
    public static string Compact(string text)
    {
        var lower = Normalize(text).ToLowerInvariant();
        return string.Concat(EnumerateRunes(lower).Where(r => Rune.IsLetterOrDigit(r)).Select(r => r.ToString()));
    }

    /// <summary>The text elements of a string, in order.</summary>
    public static IEnumerable<string> TextElements(string normalized)
    {
        var elements = StringInfo.GetTextElementEnumerator(normalized);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    private static IEnumerable<Rune> EnumerateRunes(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            yield return rune;
        }
    }
}
