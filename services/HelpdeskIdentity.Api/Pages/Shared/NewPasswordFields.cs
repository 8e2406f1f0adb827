using HelpdeskIdentity.Api.Accounts.Passwords;

namespace HelpdeskIdentity.Api.Pages.Shared;

/// <summary>What the <c>_NewPasswordFields</c> partial shows: the policy's rules before typing, and each field's messages.</summary>
public sealed record NewPasswordFields(IReadOnlyList<PasswordRule> Rules, IReadOnlyList<string> NewPasswordErrors, IReadOnlyList<string> ConfirmPasswordErrors);
