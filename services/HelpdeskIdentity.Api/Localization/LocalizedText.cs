using System.Globalization;
using System.Resources;

namespace HelpdeskIdentity.Api.Localization;

/// <summary>
/// Reads one text of a resource set (a <c>.resx</c> beside its text class, one file per language) in the
/// current UI culture. Every key exists in the neutral English file, and LanguageResourceTests fails the
/// build when a language lacks one, so a lookup never comes back empty.
/// </summary>
public static class LocalizedText
{
    public static string Get(ResourceManager resources, string key) =>
        resources.GetString(key, CultureInfo.CurrentUICulture)
        ?? throw new MissingManifestResourceException($"The text '{key}' is missing from {resources.BaseName}.");

    /// <summary>A text with placeholders ({0}, {1}…) filled in the current culture.</summary>
    public static string Format(ResourceManager resources, string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Get(resources, key), arguments);
}
