using Microsoft.AspNetCore.Identity;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// The policy as Identity's password validator, so every UserManager call that sets a password enforces it.
/// Each violation becomes an <see cref="IdentityError"/> with the rule code and the English message.
/// </summary>
public sealed class PasswordPolicyValidator(PasswordPolicy policy) : IPasswordValidator<Account>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var verdict = await policy.CheckAsync(password ?? "", PasswordCheckContext.For(user));
        return verdict.Accepted
            ? IdentityResult.Success
            : IdentityResult.Failed([.. verdict.Violations.Select(v => new IdentityError { Code = v.Code, Description = v.Message })]);
    }
}
