namespace HelpdeskIdentity.Api.Accounts;

/// <summary>The outcome of checking an address and password; the account only when it succeeded.</summary>
public sealed record PasswordSignInResult(PasswordSignInStatus Status, Account? Account)
{
    public static PasswordSignInResult Failed { get; } = new(PasswordSignInStatus.Failed, null);

    public static PasswordSignInResult LockedOut { get; } = new(PasswordSignInStatus.LockedOut, null);

    public static PasswordSignInResult Succeeded(Account account) => new(PasswordSignInStatus.Succeeded, account);
}
