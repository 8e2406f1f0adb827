using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// A signed-in person's authenticator app (docs/decisions/0037): set it up (a key, shown as text and QR code), turn it
/// on with a first code (recovery codes made, shown once), make new recovery codes or turn it off with a current
/// code. Each change renews the security stamp, revokes the provider's grants to the account and every session but the
/// caller's (<c>currentSessionId</c>, which the caller keeps), and sends a notice e-mail and writes an audit event (<c>two_factor.changed</c>) in the same transaction.
/// </summary>
public sealed partial class Authenticators(
    UserManager<Account> users, IUserStore<Account> store, SecondFactorCheck check, HelpdeskDbContext db, IEmailOutbox outbox, TwoFactorEmails emails,
    IOptions<AccountOptions> options, IOptions<BrandingOptions> branding, AuditTrail audit, AccountSessions sessions, TimeProvider clock,
    ILogger<Authenticators> logger)
{
    /// <summary>
    /// The key to set the app up with; made when the account has none. Not through Identity's
    /// <c>ResetAuthenticatorKeyAsync</c>, which also renews the security stamp: merely opening the set-up page would sign
    /// every other browser out while "your sessions" still listed them. A key nobody has confirmed signs nothing in;
    /// turning the factor on (with a code from it) is the change that ends the other sessions.
    /// </summary>
    public async Task<AuthenticatorSetup> SetupAsync(Account account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (key is null)
        {
            await ((IUserAuthenticatorKeyStore<Account>)store).SetAuthenticatorKeyAsync(account, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
            var saved = await users.UpdateAsync(account);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key was not stored: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
            }

            key = await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("The authenticator key was not stored.");
        }

        return AuthenticatorSetup.For(branding.Value.ProductName, account.Email!, key);
    }

    /// <summary>Turns the second factor on when <paramref name="code"/> is the app's current code; returns the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(Account account, string code, string? currentSessionId, CancellationToken cancellationToken)
    {
        var typed = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (account.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, typed))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = await NewCodesAsync(account);
        await EndOthersAsync(account, currentSessionId, cancellationToken);
        await outbox.EnqueueAsync(emails.Changed(account, TwoFactorChange.TurnedOn), db, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.TwoFactorChanged, account.Id, Detail: AuditDetail(TwoFactorChange.TurnedOn)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(account.Id, TwoFactorChange.TurnedOn);
        return codes;
    }

    /// <summary>New recovery codes (the old ones stop working) after a current code; null with the check's outcome otherwise.</summary>
    public async Task<(IReadOnlyList<string>? Codes, SecondFactorOutcome Outcome)> NewRecoveryCodesAsync(Account account, string code, string? currentSessionId,
        CancellationToken cancellationToken)
    {
        if (await check.VerifyAsync(account, code) is not SecondFactorOutcome.Accepted and var refused)
        {
            return (null, refused);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codes = await NewCodesAsync(account);
        await users.UpdateSecurityStampAsync(account);
        await EndOthersAsync(account, currentSessionId, cancellationToken);
        await outbox.EnqueueAsync(emails.Changed(account, TwoFactorChange.NewRecoveryCodes), db, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.TwoFactorChanged, account.Id, Detail: AuditDetail(TwoFactorChange.NewRecoveryCodes)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(account.Id, TwoFactorChange.NewRecoveryCodes);
        return (codes, SecondFactorOutcome.Accepted);
    }

    /// <summary>Turns the second factor off after a current code: the app's key and the recovery codes are replaced, so neither works again.</summary>
    public async Task<SecondFactorOutcome> DisableAsync(Account account, string code, string? currentSessionId, CancellationToken cancellationToken)
    {
        if (await check.VerifyAsync(account, code) is not SecondFactorOutcome.Accepted and var refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(account, false);
        await ((IUserTwoFactorRecoveryCodeStore<Account>)store).ReplaceCodesAsync(account, [], cancellationToken);
        await users.ResetAuthenticatorKeyAsync(account);
        await EndOthersAsync(account, currentSessionId, cancellationToken);
        await outbox.EnqueueAsync(emails.Changed(account, TwoFactorChange.TurnedOff), db, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.TwoFactorChanged, account.Id, Detail: AuditDetail(TwoFactorChange.TurnedOff)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(account.Id, TwoFactorChange.TurnedOff);
        return SecondFactorOutcome.Accepted;
    }

    public async Task<bool> HasKeyAsync(Account account) => await users.GetAuthenticatorKeyAsync(account) is not null;

    public Task<int> RecoveryCodesLeftAsync(Account account) => users.CountRecoveryCodesAsync(account);

    private Task EndOthersAsync(Account account, string? currentSessionId, CancellationToken cancellationToken) =>
        sessions.EndOthersAfterFactorChangeAsync((NpgsqlConnection)db.Database.GetDbConnection(), account.Id, currentSessionId, clock.GetUtcNow(), cancellationToken);

    private async Task<IReadOnlyList<string>> NewCodesAsync(Account account) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, options.Value.TwoFactor.RecoveryCodeCount))?.ToList()
        ?? throw new InvalidOperationException("No recovery codes were made.");

    private static string AuditDetail(TwoFactorChange change) => change switch
    {
        TwoFactorChange.TurnedOn => "turned_on",
        TwoFactorChange.TurnedOff => "turned_off",
        _ => "new_recovery_codes",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: second factor {Change}")]
    private partial void LogChanged(Guid accountId, TwoFactorChange change);
}
