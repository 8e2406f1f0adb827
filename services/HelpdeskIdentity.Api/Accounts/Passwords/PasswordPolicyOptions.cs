namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// Configuration section <c>Accounts:PasswordPolicy</c> (docs/configuration.md, docs/decisions/0011-password-policy.md).
/// Lengths are counted in user-perceived characters (text elements of the NFC form).
/// </summary>
public sealed class PasswordPolicyOptions
{
    public const string Section = "Accounts:PasswordPolicy";

    /// <summary><c>nist</c> (default) or <c>legacy</c>.</summary>
    public string Preset { get; set; } = PasswordPresets.Nist;

    /// <summary>Unset: the preset's own minimum (15 for nist, 8 for legacy). Set: replaces it, 8 to 64.</summary>
    public int? MinimumLength { get; set; }

    /// <summary>The longest password accepted; at least 64 (NIST), at most 1024.</summary>
    public int MaximumLength { get; set; } = 256;

    /// <summary>Legacy only: characters a password may not hold, compared case-insensitively (seed 001: "åäö").</summary>
    public string ForbiddenCharacters { get; set; } = "";

    /// <summary>Legacy only: how many of the account's latest passwords (the current one included) may not be chosen again; 0 turns history off.</summary>
    public int HistoryCount { get; set; } = 5;

    public bool IsLegacy => Preset == PasswordPresets.Legacy;

    /// <summary>The minimum in force: the configured one, or the preset's.</summary>
    public int EffectiveMinimumLength =>
        MinimumLength ?? (IsLegacy ? PasswordPresets.LegacyMinimumLength : PasswordPresets.NistMinimumLength);

    /// <summary>The number of latest passwords that may not be reused; 0 under nist.</summary>
    public int EffectiveHistoryCount => IsLegacy ? HistoryCount : 0;
}
