using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Localization;

/// <summary>
/// Every text class (a static class reading a .resx through its own ResourceManager) is complete in every
/// language: the same keys, nothing empty, the same placeholders — and no key without a member or member without a key.
/// </summary>
public sealed partial class LanguageResourceTests
{
    public static TheoryData<string> TextClasses() => [.. TextClassTypes().Select(t => t.FullName!)];

    public static TheoryData<string, string> TextClassesByLanguage() =>
    [
        .. from type in TextClassTypes()
           from language in Languages.Supported.Where(l => l != Languages.English)
           select (type.FullName!, language),
    ];

    [Fact]
    public void The_pages_emails_and_password_rules_have_text_classes()
    {
        TextClassTypes().Select(t => t.Name).ShouldContain(nameof(PageText));
        TextClassTypes().Select(t => t.Name).ShouldContain("EmailText");
        TextClassTypes().Select(t => t.Name).ShouldContain("PasswordPolicyText");
    }

    [Theory]
    [MemberData(nameof(TextClassesByLanguage))]
    public void Every_key_is_translated_with_the_same_placeholders(string textClass, string language)
    {
        var neutral = Entries(textClass, CultureInfo.InvariantCulture);
        var translated = Entries(textClass, CultureInfo.GetCultureInfo(language));

        neutral.Keys.Except(translated.Keys).Order().ShouldBeEmpty($"keys missing in {textClass}.{language}.resx");
        translated.Keys.Except(neutral.Keys).Order().ShouldBeEmpty($"keys in {textClass}.{language}.resx that English lacks");
        foreach (var (key, value) in translated)
        {
            value.Trim().ShouldNotBeEmpty($"{textClass}.{language}.resx: {key} is empty");
            Placeholders(value).ShouldBe(Placeholders(neutral[key]), $"{textClass}.{language}.resx: {key} has other placeholders than English");
        }
    }

    [Theory]
    [MemberData(nameof(TextClasses))]
    public void Every_member_has_a_key_and_every_key_a_member(string textClass)
    {
        var type = TextClassTypes().Single(t => t.FullName == textClass);
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)
            .Concat(TextMethods(type).Select(m => m.Name))
            .ToHashSet();
        var keys = Entries(textClass, CultureInfo.InvariantCulture).Keys.ToHashSet();

        members.Except(keys).Order().ShouldBeEmpty($"{textClass} members without a text");
        keys.Except(members).Order().ShouldBeEmpty($"texts in {textClass}.resx nothing reads");
    }

    [Theory]
    [MemberData(nameof(TextClassesByLanguage))]
    public void Every_member_reads_its_text_in_the_language(string textClass, string language)
    {
        var type = TextClassTypes().Single(t => t.FullName == textClass);
        var translated = Entries(textClass, CultureInfo.GetCultureInfo(language));
        using var _ = Languages.Use(CultureInfo.GetCultureInfo(language));

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(string)))
        {
            property.GetValue(null).ShouldBe(translated[property.Name]);
        }

        foreach (var method in TextMethods(type))
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)$"«{p.Name}»" : 7).ToArray();
            var text = (string)method.Invoke(null, arguments)!;
            text.ShouldNotContain("{", customMessage: $"{textClass}.{method.Name} in {language} left a placeholder unfilled");
            foreach (var argument in arguments.OfType<string>())
            {
                text.ShouldContain(argument, customMessage: $"{textClass}.{method.Name} in {language} does not show {argument}");
            }
        }
    }

    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("nl-BE de", "nl")]
    [InlineData("fr-CA sv-FI en", "sv")]
    [InlineData("DE", "de")]
    [InlineData("en-GB", "en")]
    [InlineData("fr ja", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_language_list_matches_its_first_supported_language(string? tags, string? expected) =>
        Languages.Match(tags).ShouldBe(expected);

    [Fact]
    public void An_overlong_language_list_matches_nothing() =>
        Languages.Match(string.Concat(Enumerable.Repeat("xx ", 100)) + "nl").ShouldBeNull();

    private static IEnumerable<Type> TextClassTypes() =>
        typeof(PageText).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true }
                        && t.GetField("Resources", BindingFlags.NonPublic | BindingFlags.Static)?.FieldType == typeof(ResourceManager))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The methods that fill a text's placeholders (strings and numbers); others compose several texts.</summary>
    private static IEnumerable<MethodInfo> TextMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName
                        && m.GetParameters().All(p => p.ParameterType == typeof(string) || p.ParameterType == typeof(int)));

    private static Dictionary<string, string> Entries(string textClass, CultureInfo culture)
    {
        var manager = new ResourceManager(textClass, typeof(PageText).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
                  ?? throw new ShouldAssertException($"{textClass} has no resources for '{culture.Name}'");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
