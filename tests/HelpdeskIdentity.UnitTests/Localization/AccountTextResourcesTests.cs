using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages.Account;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Localization;

/// <summary>The account pages' and e-mails' texts exist in every language, each with the placeholders English has.</summary>
public sealed partial class AccountTextResourcesTests
{
    public static TheoryData<string, string> TextSets() => new()
    {
        { typeof(AccountText).FullName!, "nl" }, { typeof(AccountText).FullName!, "de" }, { typeof(AccountText).FullName!, "sv" },
        { typeof(AccountEmailText).FullName!, "nl" }, { typeof(AccountEmailText).FullName!, "de" }, { typeof(AccountEmailText).FullName!, "sv" },
    };

    [Theory]
    [MemberData(nameof(TextSets))]
    public void EveryEnglishText_IsTranslated_WithTheSamePlaceholders(string textClass, string language)
    {
        var resources = new ResourceManager(textClass, typeof(AccountText).Assembly);
        var english = Texts(resources, CultureInfo.InvariantCulture);
        var translated = Texts(resources, CultureInfo.GetCultureInfo(language));

        english.Count.ShouldBeGreaterThan(10);
        translated.Keys.ShouldBe(english.Keys, ignoreOrder: true);
        foreach (var (key, text) in english)
        {
            translated[key].ShouldNotBeNullOrWhiteSpace(key);
            translated[key].ShouldNotBe(text, $"{key} is still English in {language}");
            Placeholders(translated[key]).ShouldBe(Placeholders(text), $"{key} in {language}");
        }
    }

    [Theory]
    [InlineData("7.00:00:00", "en", "7 days")]
    [InlineData("1.00:00:00", "en", "1 day")]
    [InlineData("1.00:00:00", "de", "1 Tag")]
    [InlineData("1.12:00:00", "en", "36 hours")]
    [InlineData("01:00:00", "sv", "1 timme")]
    [InlineData("01:30:00", "nl", "90 minuten")]
    public void Lifetime_InTheLargestWholeUnit(string lifetime, string language, string expected)
    {
        using var _ = Languages.Use(CultureInfo.GetCultureInfo(language));

        AccountEmailText.Lifetime(TimeSpan.Parse(lifetime, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    private static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            .ShouldNotBeNull($"no {culture.Name} resources for {resources.BaseName}")
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
