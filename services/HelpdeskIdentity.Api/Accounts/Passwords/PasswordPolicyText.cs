using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>What the password policy says, in the current language (PasswordPolicyText.resx and its translations).</summary>
public static class PasswordPolicyText
{
    private static readonly ResourceManager Resources = new(typeof(PasswordPolicyText));

    public static string InvalidCharacter => Text();
    public static string TooShort(int minimum, int length) => Format([minimum, length]);
    public static string TooLong(int maximum, int length) => Format([maximum, length]);
    public static string Reused(int count) => Format([count]);
    public static string Common => Text();
    public static string ContainsEmail => Text();
    public static string ContainsName => Text();
    public static string ContainsBrand(string brand) => Format([brand]);
    public static string CharacterClasses => Text();
    public static string ForbiddenCharacter(string characters) => Format([characters]);

    public static string RuleMinimumLength(int minimum) => Format([minimum]);
    public static string RuleMaximumLength(int maximum) => Format([maximum]);
    public static string RuleNotCommon => Text();
    public static string RuleNotPersonal(string brand) => Format([brand]);
    public static string RuleCharacterClasses => Text();
    public static string RuleForbiddenCharacters(string characters) => Format([characters]);
    public static string RuleHistory(int count) => Format([count]);

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
