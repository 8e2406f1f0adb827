using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>Start-up checks of <c>Accounts:PasswordPolicy</c>; every message names the key to fix.</summary>
public sealed class PasswordPolicyOptionsValidator : IValidateOptions<PasswordPolicyOptions>
{
    public const int LowestMinimumLength = 8;
    public const int HighestMinimumLength = 64;
    public const int LowestMaximumLength = 64;
    public const int HighestMaximumLength = 1024;
    public const int HighestHistoryCount = 24;

    public ValidateOptionsResult Validate(string? name, PasswordPolicyOptions options)
    {
        var failures = new List<string>();
        if (!PasswordPresets.IsKnown(options.Preset))
        {
            failures.Add($"Accounts:PasswordPolicy:Preset must be '{PasswordPresets.Nist}' or '{PasswordPresets.Legacy}' (lower case), not '{options.Preset}'.");
        }

        if (options.MinimumLength is < LowestMinimumLength or > HighestMinimumLength)
        {
            failures.Add($"Accounts:PasswordPolicy:MinimumLength must be between {LowestMinimumLength} and {HighestMinimumLength}, or unset for the preset's own.");
        }

        if (options.MaximumLength is < LowestMaximumLength or > HighestMaximumLength)
        {
            failures.Add($"Accounts:PasswordPolicy:MaximumLength must be between {LowestMaximumLength} and {HighestMaximumLength}.");
        }
        else if (options.EffectiveMinimumLength > options.MaximumLength)
        {
            failures.Add("Accounts:PasswordPolicy:MinimumLength must not exceed Accounts:PasswordPolicy:MaximumLength.");
        }

        if (options.HistoryCount is < 0 or > HighestHistoryCount)
        {
            failures.Add($"Accounts:PasswordPolicy:HistoryCount must be between 0 and {HighestHistoryCount}.");
        }

        if (options.ForbiddenCharacters.Length > 0 && !options.IsLegacy)
        {
            failures.Add("Accounts:PasswordPolicy:ForbiddenCharacters applies only to the legacy preset: NIST accepts every printable character.");
        }

        if (PasswordText.ContainsInvalid(options.ForbiddenCharacters) || options.ForbiddenCharacters.Any(char.IsWhiteSpace))
        {
            failures.Add("Accounts:PasswordPolicy:ForbiddenCharacters must hold printable, non-space characters only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
