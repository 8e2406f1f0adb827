using System.Security.Cryptography;
using System.Text;
using HelpdeskIdentity.Api.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>
/// E-mailed sign-in codes (docs/decisions/0036): a random 6–8 digit code, stored only as SHA-256 of the account id
/// and the code, working once for a few minutes and a few attempts. A right code verifies the address (it proved the
/// mailbox). The answer for an unknown address, a wrong, expired, used or voided code is one and the same — and for a
/// right code of an account an operator holds (docs/decisions/0055). A lockout after failed attempts does not refuse a
/// right code: it guards the secrets that can be guessed, and the code has its own attempt limit (docs/decisions/0060).
/// </summary>
public sealed class SignInCodes(SignInCodeStore store, UserManager<Account> users, AuditTrail audit, IOptions<AccountOptions> options, TimeProvider clock)
{
    private SignInCodeOptions Options => options.Value.SignInCode;

    /// <summary>
    /// The account and where its sign-in continues when <paramref name="code"/> is its current code (spent now, the address
    /// marked verified); null otherwise. Spaces and dashes in what was typed are ignored.
    /// </summary>
    public async Task<(Account Account, string? ReturnUrl)?> VerifyAsync(string email, string code, CancellationToken cancellationToken)
    {
        var typed = new string(code.Where(c => c is not (' ' or '-')).ToArray());
        if (typed.Length != Options.Digits || !typed.All(char.IsAsciiDigit))
        {
            return null;
        }

        // An unknown address takes the same database round trip (no row found), so the time does not tell it apart.
        var account = await users.FindByEmailAsync(email);
        var accountId = account?.Id ?? Guid.Empty;
        var expected = Encoding.ASCII.GetBytes(SignInCodeIssuer.Hash(accountId, typed));
        var check = await store.CheckAsync(accountId, stored => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), expected),
            Options.MaxAttempts, clock.GetUtcNow(), cancellationToken);
        if (!check.Succeeded || account is null)
        {
            return null;
        }

        // Checked once the code is spent: only the holder of the right code gets this far, and gets a wrong code's answer.
        if (account.HeldByOperator)
        {
            await audit.RecordAsync(new(account.DisabledAt is null ? AuditEventTypes.SignInLockedOut : AuditEventTypes.SignInFailed,
                account.Id, Succeeded: false, Detail: "email_code"), cancellationToken);
            return null;
        }

        if (!account.EmailConfirmed)
        {
            account.EmailConfirmed = true;
            await users.UpdateAsync(account);
        }

        return (account, check.ReturnUrl);
    }
}
