using System.Text;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// Refuses the classic IDN homograph: a domain whose letters come from more than one of the scripts that look like
/// Latin (Latin, Greek, Cyrillic, Armenian), such as <c>exаmple.nl</c> with a Cyrillic "а", or an all-Cyrillic
/// <c>раураl</c> before <c>.com</c>. A domain in one script (<c>bücher.de</c>, <c>пример.рф</c>) passes.
/// </summary>
public static class LookalikeDomains
{
    private enum Script { Other, Latin, Greek, Cyrillic, Armenian }

    /// <param name="unicodeDomain">The domain in its Unicode form (<see cref="MailboxAddress.UnicodeDomain"/>).</param>
    public static bool MixesScripts(string unicodeDomain)
    {
        var seen = Script.Other;
        foreach (var rune in unicodeDomain.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune) || Of(rune.Value) is not (not Script.Other and var script))
            {
                continue;
            }

            if (seen != Script.Other && seen != script)
            {
                return true;
            }

            seen = script;
        }

        return false;
    }

    private static Script Of(int c) => c switch
    {
        <= 0x024F or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB6F) => Script.Latin,
        (>= 0x0370 and <= 0x03FF) or (>= 0x1F00 and <= 0x1FFF) => Script.Greek,
        (>= 0x0400 and <= 0x052F) or (>= 0x1C80 and <= 0x1C8F) or (>= 0x2DE0 and <= 0x2DFF) or (>= 0xA640 and <= 0xA69F) => Script.Cyrillic,
        (>= 0x0530 and <= 0x058F) or (>= 0xFB13 and <= 0xFB17) => Script.Armenian,
        _ => Script.Other,
    };
}
