using HelpdeskIdentity.Api.Accounts.Passwords;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>What the <c>_NewPasswordFields</c> partial shows: the policy's rules and the errors of the two password fields.</summary>
public sealed record NewPasswordFields(IReadOnlyList<PasswordRule> Rules, IReadOnlyList<string> NewPasswordErrors, IReadOnlyList<string> ConfirmPasswordErrors)
{
    public static NewPasswordFields For(IReadOnlyList<PasswordRule> rules, ModelStateDictionary state) =>
        new(rules, FormErrors.Of(state, "NewPassword"), FormErrors.Of(state, "ConfirmPassword"));
}
