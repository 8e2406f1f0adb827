using System.Globalization;
using System.Text;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// The password rules of <c>Accounts:PasswordPolicy</c> (docs/decisions/0011-password-policy.md): checks a
/// candidate and returns every rule it breaks, and describes the rules to show before the user types.
/// </summary>
public sealed class PasswordPolicy(
    IOptions<PasswordPolicyOptions> options, IOptions<BrandingOptions> branding, CommonPasswords common, IPasswordHistory history)
{
    /// <summary>Personal data is compared in pieces of at least this many letters or digits ("Jan" alone is not refused).</summary>
    public const int MinimumFragmentLength = 4;

    private const int RequiredClasses = 3;

    private PasswordPolicyOptions Options => options.Value;

    private string Brand => branding.Value.ProductName;

    /// <summary>What a new password must meet, in the order to show it.</summary>
    public IReadOnlyList<PasswordRule> Rules => Options.IsLegacy ? LegacyRules() : NistRules();

    public async Task<PasswordVerdict> CheckAsync(string password, PasswordCheckContext context, CancellationToken cancellationToken = default)
    {
        var violations = new List<PasswordViolation>();
        var text = PasswordText.Normalize(password);
        var length = PasswordText.Length(text);
        var tooLong = length > Options.MaximumLength || password.Length > 4 * Options.MaximumLength;

        if (PasswordText.ContainsInvalid(password))
        {
            violations.Add(new(PasswordRuleCodes.InvalidCharacter, PasswordPolicyText.InvalidCharacter));
        }

        if (length < Options.EffectiveMinimumLength)
        {
            violations.Add(new(PasswordRuleCodes.TooShort, PasswordPolicyText.TooShort(Options.EffectiveMinimumLength, length)));
        }

        if (tooLong)
        {
            violations.Add(new(PasswordRuleCodes.TooLong, PasswordPolicyText.TooLong(Options.MaximumLength, length)));
        }

        if (Options.IsLegacy)
        {
            CheckComposition(text, violations);
            if (!tooLong && context.AccountId is { } accountId
                && await history.WasRecentlyUsedAsync(accountId, password, Options.EffectiveHistoryCount, cancellationToken))
            {
                violations.Add(new(PasswordRuleCodes.Reused, PasswordPolicyText.Reused(Options.EffectiveHistoryCount)));
            }
        }
        else
        {
            CheckBlocklist(text, context, violations);
        }

        return new PasswordVerdict(violations);
    }

    /// <summary>Trailing digits, punctuation, symbols and spaces removed: "password2024!" → "password".</summary>
    internal static string WithoutTrailingDecoration(string lower) =>
        lower.TrimEnd().TrimEnd([.. lower.Where(c => char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c)).Distinct()]);

    /// <summary>The letter-and-digit pieces of some personal text that a password may not contain.</summary>
    internal static IReadOnlyList<string> Fragments(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return [];
        }

        var lower = PasswordText.Normalize(source).ToLowerInvariant();
        var parts = new List<string> { PasswordText.Compact(lower) };
        var part = new StringBuilder();
        foreach (var rune in lower.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                part.Append(rune.ToString());
            }
            else
            {
                parts.Add(part.ToString());
                part.Clear();
            }
        }

        parts.Add(part.ToString());
        return [.. parts.Where(p => PasswordText.Length(p) >= MinimumFragmentLength).Distinct(StringComparer.Ordinal)];
    }

    private void CheckBlocklist(string text, PasswordCheckContext context, List<PasswordViolation> violations)
    {
        var lower = text.ToLowerInvariant();
        var stripped = WithoutTrailingDecoration(lower);
        if (common.Contains(lower) || (stripped.Length > 0 && common.Contains(stripped)))
        {
            violations.Add(new(PasswordRuleCodes.Common, PasswordPolicyText.Common));
        }

        var compact = PasswordText.Compact(text);
        var localPart = context.Email is { } email && email.LastIndexOf('@') is var at and > 0 ? email[..at] : context.Email;
        if (Contained(compact, localPart))
        {
            violations.Add(new(PasswordRuleCodes.ContainsEmail, PasswordPolicyText.ContainsEmail));
        }

        if (Contained(compact, context.DisplayName))
        {
            violations.Add(new(PasswordRuleCodes.ContainsName, PasswordPolicyText.ContainsName));
        }

        if (Contained(compact, Brand))
        {
            violations.Add(new(PasswordRuleCodes.ContainsBrand, PasswordPolicyText.ContainsBrand(Brand)));
        }
    }

    private static bool Contained(string compactPassword, string? personal) =>
        Fragments(personal).Any(fragment => compactPassword.Contains(fragment, StringComparison.Ordinal));

    private void CheckComposition(string text, List<PasswordViolation> violations)
    {
        var classes = text.EnumerateRunes().Select(ClassOf).Distinct().Count();
        if (classes < RequiredClasses)
        {
            violations.Add(new(PasswordRuleCodes.CharacterClasses, PasswordPolicyText.CharacterClasses));
        }

        var lower = text.ToLowerInvariant();
        var forbidden = ForbiddenElements();
        if (forbidden.Any(f => lower.Contains(f, StringComparison.Ordinal)))
        {
            violations.Add(new(PasswordRuleCodes.ForbiddenCharacter, PasswordPolicyText.ForbiddenCharacter(string.Join(" ", forbidden))));
        }
    }

    private static int ClassOf(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.LowercaseLetter => 0,
        UnicodeCategory.UppercaseLetter => 1,
        UnicodeCategory.DecimalDigitNumber => 2,
        _ => 3,
    };

    private List<string> ForbiddenElements() =>
        [.. PasswordText.TextElements(PasswordText.Normalize(Options.ForbiddenCharacters).ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    private List<PasswordRule> NistRules() =>
    [
        MinimumLengthRule(),
        MaximumLengthRule(),
        new(PasswordRuleCodes.NotCommonRule, Parameters(), PasswordPolicyText.RuleNotCommon),
        new(PasswordRuleCodes.NotPersonalRule, Parameters(("brand", Brand)), PasswordPolicyText.RuleNotPersonal(Brand)),
    ];

    private List<PasswordRule> LegacyRules()
    {
        var rules = new List<PasswordRule>
        {
            MinimumLengthRule(),
            MaximumLengthRule(),
            new(PasswordRuleCodes.CharacterClassesRule, Parameters(("required", "3"), ("of", "4")),
                PasswordPolicyText.RuleCharacterClasses),
        };
        if (ForbiddenElements() is { Count: > 0 } forbidden)
        {
            var list = string.Join(" ", forbidden);
            rules.Add(new(PasswordRuleCodes.ForbiddenCharactersRule, Parameters(("characters", list)), PasswordPolicyText.RuleForbiddenCharacters(list)));
        }

        if (Options.EffectiveHistoryCount > 0)
        {
            var count = Options.EffectiveHistoryCount.ToString(CultureInfo.InvariantCulture);
            rules.Add(new(PasswordRuleCodes.HistoryRule, Parameters(("count", count)), PasswordPolicyText.RuleHistory(Options.EffectiveHistoryCount)));
        }

        return rules;
    }

    private PasswordRule MinimumLengthRule()
    {
        var minimum = Options.EffectiveMinimumLength.ToString(CultureInfo.InvariantCulture);
        return new(PasswordRuleCodes.MinimumLengthRule, Parameters(("minimum", minimum)),
            PasswordPolicyText.RuleMinimumLength(Options.EffectiveMinimumLength));
    }

    private PasswordRule MaximumLengthRule()
    {
        var maximum = Options.MaximumLength.ToString(CultureInfo.InvariantCulture);
        return new(PasswordRuleCodes.MaximumLengthRule, Parameters(("maximum", maximum)), PasswordPolicyText.RuleMaximumLength(Options.MaximumLength));
    }

    private static Dictionary<string, string> Parameters(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
