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
            violations.Add(new(PasswordRuleCodes.InvalidCharacter, "The password must not contain control characters (such as a tab or a line break) or invalid Unicode."));
        }

        if (length < Options.EffectiveMinimumLength)
        {
            violations.Add(new(PasswordRuleCodes.TooShort, $"Use at least {Options.EffectiveMinimumLength} characters; this password has {length}."));
        }

        if (tooLong)
        {
            violations.Add(new(PasswordRuleCodes.TooLong, $"Use at most {Options.MaximumLength} characters; this password has {length}."));
        }

        if (Options.IsLegacy)
        {
            CheckComposition(text, violations);
            if (!tooLong && context.AccountId is { } accountId
                && await history.WasRecentlyUsedAsync(accountId, password, Options.EffectiveHistoryCount, cancellationToken))
            {
                violations.Add(new(PasswordRuleCodes.Reused, $"Choose a password that is not one of your last {Options.EffectiveHistoryCount}."));
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
            violations.Add(new(PasswordRuleCodes.Common, "This password is on a list of common or breached passwords; choose another."));
        }

        var compact = PasswordText.Compact(text);
        var localPart = context.Email is { } email && email.LastIndexOf('@') is var at and > 0 ? email[..at] : context.Email;
        if (Contained(compact, localPart))
        {
            violations.Add(new(PasswordRuleCodes.ContainsEmail, "The password must not contain your e-mail address."));
        }

        if (Contained(compact, context.DisplayName))
        {
            violations.Add(new(PasswordRuleCodes.ContainsName, "The password must not contain your name."));
        }

        if (Contained(compact, Brand))
        {
            violations.Add(new(PasswordRuleCodes.ContainsBrand, $"The password must not contain \"{Brand}\"."));
        }
    }

    private static bool Contained(string compactPassword, string? personal) =>
        Fragments(personal).Any(fragment => compactPassword.Contains(fragment, StringComparison.Ordinal));

    private void CheckComposition(string text, List<PasswordViolation> violations)
    {
        var classes = text.EnumerateRunes().Select(ClassOf).Distinct().Count();
        if (classes < RequiredClasses)
        {
            violations.Add(new(PasswordRuleCodes.CharacterClasses, "Use characters from at least 3 of these 4 groups: lower-case letters, upper-case letters, digits, other characters."));
        }

        var lower = text.ToLowerInvariant();
        var forbidden = ForbiddenElements();
        if (forbidden.Any(f => lower.Contains(f, StringComparison.Ordinal)))
        {
            violations.Add(new(PasswordRuleCodes.ForbiddenCharacter, $"The password must not contain these characters: {string.Join(" ", forbidden)}."));
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
        new(PasswordRuleCodes.NotCommonRule, Parameters(), "Not a common password or one known from a data breach."),
        new(PasswordRuleCodes.NotPersonalRule, Parameters(("brand", Brand)), $"Not containing your e-mail address, your name or \"{Brand}\"."),
    ];

    private List<PasswordRule> LegacyRules()
    {
        var rules = new List<PasswordRule>
        {
            MinimumLengthRule(),
            MaximumLengthRule(),
            new(PasswordRuleCodes.CharacterClassesRule, Parameters(("required", "3"), ("of", "4")),
                "Characters from at least 3 of these 4 groups: lower-case letters, upper-case letters, digits, other characters."),
        };
        if (ForbiddenElements() is { Count: > 0 } forbidden)
        {
            var list = string.Join(" ", forbidden);
            rules.Add(new(PasswordRuleCodes.ForbiddenCharactersRule, Parameters(("characters", list)), $"None of these characters: {list}."));
        }

        if (Options.EffectiveHistoryCount > 0)
        {
            var count = Options.EffectiveHistoryCount.ToString(CultureInfo.InvariantCulture);
            rules.Add(new(PasswordRuleCodes.HistoryRule, Parameters(("count", count)), $"Not one of your last {count} passwords."));
        }

        return rules;
    }

    private PasswordRule MinimumLengthRule()
    {
        var minimum = Options.EffectiveMinimumLength.ToString(CultureInfo.InvariantCulture);
        return new(PasswordRuleCodes.MinimumLengthRule, Parameters(("minimum", minimum)),
            $"At least {minimum} characters. Spaces, accented letters and emoji count as one character each.");
    }

    private PasswordRule MaximumLengthRule()
    {
        var maximum = Options.MaximumLength.ToString(CultureInfo.InvariantCulture);
        return new(PasswordRuleCodes.MaximumLengthRule, Parameters(("maximum", maximum)), $"At most {maximum} characters.");
    }

    private static Dictionary<string, string> Parameters(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
