namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>The hashes of an account's latest passwords (legacy preset), asked by the policy before a password is set.</summary>
public interface IPasswordHistory
{
    /// <summary>True when the password matches one of the account's <paramref name="count"/> latest recorded passwords.</summary>
    Task<bool> WasRecentlyUsedAsync(Guid accountId, string password, int count, CancellationToken cancellationToken);
}
