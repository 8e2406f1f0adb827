using HelpdeskIdentity.Api.Accounts.PasswordReset;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// "Use a passkey instead" on the set-password page (docs/decisions/0039): the link proves the mailbox, the passkey
/// becomes the credential. The link is spent exactly as setting a password spends it (<see cref="PasswordResets.SpendAsync"/>:
/// the address verified, other links and e-mail changes voided, the stamp renewed, refresh tokens revoked, the second
/// factor asked for when the account has one); a password the account already has stays.
/// </summary>
public sealed class PasskeyClaims(PasswordResets resets, PasskeyRegistrations registrations, PasskeyAccounts accounts, PasskeyEmails emails)
{
    /// <summary>Starts the ceremony, bound to the link (its hash) and its account.</summary>
    public Task<string> BeginAsync(HttpContext context, PasswordResetLink link, Account account, CancellationToken cancellationToken) =>
        registrations.BeginAsync(context, PasskeyPurposes.Claim, account, link.TokenHash, cancellationToken);

    /// <summary>
    /// Checks the passkey against this browser's ceremony for the link, then spends the link with it; returns what spending
    /// did and the passkey. Null: the passkey was refused (the link still works).
    /// </summary>
    public async Task<(PasswordResetResult Result, Passkey Passkey)?> FinishAsync(HttpContext context, PasswordResetLink link, string? credentialJson, string? confirmedName,
        string? secondFactorCode, CancellationToken cancellationToken)
    {
        var name = PasskeyNames.Acceptable(null, context.Request.Headers.UserAgent);
        if (await registrations.FinishAsync(context, PasskeyPurposes.Claim, link.AccountId, link.TokenHash, credentialJson, name!, cancellationToken) is not { } passkey)
        {
            return null;
        }

        var result = await resets.SpendAsync(link, confirmedName, secondFactorCode, async (account, connection) =>
            {
                await accounts.StoreAsync(account, passkey, connection, PasskeyAuditDetails.Claim, cancellationToken);
                return [];
            },
            account => emails.Added(account, passkey.Name), PasskeyAuditDetails.Claim, cancellationToken);
        return (result, passkey);
    }
}
