using System.Text;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// Refuses the IDN homograph: a domain whose letters come from more than one script, such as <c>exаmple.nl</c> with
/// a Cyrillic "а", <c>exⲟmple.nl</c> with a Coptic "ⲟ", or an all-Cyrillic <c>раураl</c> before <c>.com</c>. A domain
/// in one script (<c>bücher.de</c>, <c>пример.рф</c>) passes, and so does Latin with Chinese, Japanese or Korean
/// (<c>東京example.jp</c>), the mix Unicode's "highly restrictive" profile allows. Scripts are told apart by block:
/// Latin, Greek, Cyrillic and Armenian exactly; CJK as one group; any other letter as "another script", so two
/// other scripts mixed with each other (rare in domains) are not told apart.
/// </summary>
public static class LookalikeDomains
{
    /// <summary>The reason for a domain that mixes scripts or holds a symbol such as an emoji.</summary>
    public const string LookalikeDomain = "lookalike-domain";

    /// <summary>The reason for a local part that mixes scripts (a Cyrillic "а" among Latin letters).</summary>
    public const string LookalikeLocalPart = "lookalike-local-part";

    private enum Script { None, Latin, Greek, Cyrillic, Armenian, Cjk, Another }

    /// <summary>
    /// The one address rule of every path in (tickets, register, change e-mail): why <paramref name="address"/> is
    /// refused as a look-alike, or null. Refused: a domain (A-labels decoded) that mixes scripts or holds a symbol
    /// (emoji and other symbols, which IDNA2008 disallows), and a local part that mixes scripts.
    /// </summary>
    public static string? Refusal(MailboxAddress address) =>
        MixesScripts(address.UnicodeDomain) || address.UnicodeDomain.EnumerateRunes().Any(IsSymbol) ? LookalikeDomain
        : MixesScripts(address.LocalPart) ? LookalikeLocalPart
        : null;

    private static bool IsSymbol(Rune rune) => Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.OtherSymbol
        or System.Globalization.UnicodeCategory.MathSymbol or System.Globalization.UnicodeCategory.ModifierSymbol
        or System.Globalization.UnicodeCategory.CurrencySymbol;

    /// <param name="unicodeDomain">The domain in its Unicode form (<see cref="MailboxAddress.UnicodeDomain"/>).</param>
    public static bool MixesScripts(string unicodeDomain)
    {
        var seen = new HashSet<Script>();
        foreach (var rune in unicodeDomain.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                seen.Add(Of(rune.Value));
            }
        }

        seen.Remove(Script.Cjk); // CJK goes with Latin or stands alone
        return seen.Count > 1;
    }

    private static Script Of(int c) => c switch
    {
        <= 0x024F or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB6F) => Script.Latin,
        (>= 0x0370 and <= 0x03FF) or (>= 0x1F00 and <= 0x1FFF) => Script.Greek,
        (>= 0x0400 and <= 0x052F) or (>= 0x1C80 and <= 0x1C8F) or (>= 0x2DE0 and <= 0x2DFF) or (>= 0xA640 and <= 0xA69F) => Script.Cyrillic,
        (>= 0x0530 and <= 0x058F) or (>= 0xFB13 and <= 0xFB17) => Script.Armenian,
        (>= 0x1100 and <= 0x11FF) or (>= 0x2E80 and <= 0x2FDF) or (>= 0x3040 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF) => Script.Cjk,
        _ => Script.Another,
    };
}
