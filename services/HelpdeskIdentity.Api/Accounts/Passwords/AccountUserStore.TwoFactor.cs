using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// The authenticator app's shared key is kept encrypted with Data Protection (it must be read back to check a code),
/// the recovery codes only as SHA-256 (they are only compared): a copy of <c>user_tokens</c> opens no second factor
/// (docs/decisions/0037).
/// </summary>
public sealed partial class AccountUserStore
{
    private IDataProtector AuthenticatorKeys => protection.CreateProtector("HelpdeskIdentity.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(Account user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, AuthenticatorKeys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(Account user, CancellationToken cancellationToken) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? AuthenticatorKeys.Unprotect(stored) : null;

    public override Task ReplaceCodesAsync(Account user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(HashRecoveryCode), cancellationToken);

    /// <summary>Spends a recovery code: its hash is compared with each stored one in constant time, and a match removed.</summary>
    public override async Task<bool> RedeemCodeAsync(Account user, string code, CancellationToken cancellationToken)
    {
        var stored = (await GetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var typed = Encoding.ASCII.GetBytes(HashRecoveryCode(code));
        var match = stored.FirstOrDefault(hash => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), typed));
        if (match is null)
        {
            return false;
        }

        await base.ReplaceCodesAsync(user, stored.Where(hash => hash != match), cancellationToken);
        return true;
    }

    /// <summary>SHA-256 (hex) of a recovery code as Identity makes them (upper case, a dash), whatever case or spaces were typed.</summary>
    internal static string HashRecoveryCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant())));
}
