namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>The values of <c>Accounts:PasswordPolicy:Preset</c>.</summary>
public static class PasswordPresets
{
    /// <summary>NIST SP 800-63B-4 for single-factor passwords: length, no composition rules, a blocklist, no personal data.</summary>
    public const string Nist = "nist";

    /// <summary>The seeds' rules: at least 8, three of four character classes, forbidden characters, no reuse.</summary>
    public const string Legacy = "legacy";

    public const int NistMinimumLength = 15;

    public const int LegacyMinimumLength = 8;

    public static bool IsKnown(string? preset) => preset is Nist or Legacy;
}
