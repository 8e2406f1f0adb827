using System.Globalization;

namespace HelpdeskIdentity.Api.Localization;

/// <summary>
/// The languages every page and e-mail is written in (docs/decisions/0014-languages.md), and how a requested
/// language list — OIDC <c>ui_locales</c>, a stored preference — is matched to one of them.
/// </summary>
public static class Languages
{
    public const string English = "en";

    /// <summary>Two-letter codes, the neutral (English) resources first.</summary>
    public static readonly IReadOnlyList<string> Supported = [English, "nl", "de", "sv"];

    /// <summary>Each language's own name, for the language links ("Nederlands", not "Dutch").</summary>
    public static readonly IReadOnlyDictionary<string, string> OwnNames = new Dictionary<string, string>
    {
        [English] = "English", ["nl"] = "Nederlands", ["de"] = "Deutsch", ["sv"] = "Svenska",
    };

    /// <summary>The first supported language in a list of BCP 47 tags in preference order ("nl-BE de" → nl), or null.</summary>
    public static string? Match(string? tags)
    {
        if (string.IsNullOrWhiteSpace(tags) || tags.Length > 200)
        {
            return null;
        }

        foreach (var tag in tags.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var primary = tag.Split('-', '_')[0].ToLowerInvariant();
            if (Supported.Contains(primary))
            {
                return primary;
            }
        }

        return null;
    }

    /// <summary>The culture to write in for a stored or requested language, or <paramref name="fallback"/>.</summary>
    public static CultureInfo Culture(string? language, string fallback = English) =>
        CultureInfo.GetCultureInfo(Match(language) ?? Match(fallback) ?? English);

    /// <summary>The language of the current request or e-mail: what is stored as the user's last used language.</summary>
    public static string Current => Match(CultureInfo.CurrentUICulture.Name) ?? English;

    /// <summary>Writes in <paramref name="culture"/> until disposed (e-mails are rendered away from any request).</summary>
    public static IDisposable Use(CultureInfo culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return new Restore(previous);
    }

    private sealed class Restore((CultureInfo Culture, CultureInfo UiCulture) previous) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = previous.Culture;
            CultureInfo.CurrentUICulture = previous.UiCulture;
        }
    }
}
