namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// Stable codes: the keys translators and pages use. Violation codes say what a password broke; rule codes
/// say what is required, shown before typing.
/// </summary>
public static class PasswordRuleCodes
{
    // Violations.
    public const string TooShort = "too-short";
    public const string TooLong = "too-long";
    public const string InvalidCharacter = "invalid-character";
    public const string Common = "common";
    public const string ContainsEmail = "contains-email";
    public const string ContainsName = "contains-name";
    public const string ContainsBrand = "contains-brand";
    public const string CharacterClasses = "character-classes";
    public const string ForbiddenCharacter = "forbidden-character";
    public const string Reused = "reused";

    // Rules shown before typing.
    public const string MinimumLengthRule = "minimum-length";
    public const string MaximumLengthRule = "maximum-length";
    public const string NotCommonRule = "not-common";
    public const string NotPersonalRule = "not-personal";
    public const string CharacterClassesRule = "character-classes";
    public const string ForbiddenCharactersRule = "forbidden-characters";
    public const string HistoryRule = "history";
}
