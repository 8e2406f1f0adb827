using HelpdeskIdentity.Api.Accounts.Passwords;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>What the <c>_NewPasswordFields</c> partial shows: the policy's rules and the errors of the two password fields.</summary>
public sealed record NewPasswordFields(IReadOnlyList<PasswordRule> Rules, IReadOnlyList<string> NewPasswordErrors, IReadOnlyList<string> ConfirmPasswordErrors)
{
    public static NewPasswordFields For(IReadOnlyList<PasswordRule> rules, ModelStateDictionary state) =>
        new(rules, FormErrors.Of(state, "NewPassword"), FormErrors.Of(state, "ConfirmPassword"));

    /// <summary>Adds "the two passwords are not the same" to the second field when the form is otherwise valid and they differ.</summary>
    public static void RequireSame(ModelStateDictionary state, string newPassword, string confirmPassword)
    {
        if (state.IsValid && !string.Equals(newPassword, confirmPassword, StringComparison.Ordinal))
        {
            state.AddModelError("Input.ConfirmPassword", PageText.PasswordsDiffer);
        }
    }
}
