namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>Whose password is checked: the personal data it may not contain, and the account whose history counts.</summary>
public sealed record PasswordCheckContext(Guid? AccountId, string? Email, string? DisplayName)
{
    public static PasswordCheckContext For(Account account) => new(account.Id, account.Email, account.DisplayName);
}
