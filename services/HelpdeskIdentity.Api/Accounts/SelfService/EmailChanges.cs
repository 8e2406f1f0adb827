using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>
/// A signed-in user moves the account to another address. Asking (current password checked, counting toward
/// lockout) voids older requests and sends the new address a link — or, when another account uses it, a notice
/// without one; the page answers the same either way. Following the link changes the address in one transaction
/// (docs/decisions/0015-sessions-and-self-service.md).
/// </summary>
public sealed partial class EmailChanges(
    PasswordSignIn passwords,
    EmailChangeStore store,
    PasswordResetStore links,
    AccountSessions sessions,
    IEmailOutbox outbox,
    EmailChangeEmails emails,
    PublicMailDomains publicMailDomains,
    NpgsqlDataSource dataSource,
    IOptions<AccountOptions> options,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<EmailChanges> logger)
{
    private TimeSpan LinkLifetime => options.Value.EmailChange.LinkLifetime;

    /// <summary>Checks the current password, then sends the link (or the in-use notice) in the current language.</summary>
    public async Task<SelfServiceResult> RequestAsync(Account account, MailboxAddress newAddress, string currentPassword, CancellationToken cancellationToken)
    {
        var check = await passwords.VerifyAsync(account, currentPassword);
        if (SelfServiceResult.FromPasswordCheck(check.Status) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var requestId = Guid.CreateVersion7(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await store.VoidAsync(connection, account.Id, now, cancellationToken);
        if (await store.IsTakenAsync(connection, newAddress.Address, cancellationToken))
        {
            await outbox.EnqueueAsync(emails.InUse(newAddress.DisplayAddress, requestId), connection, transaction, cancellationToken);
            LogInUse(account.Id);
        }
        else
        {
            var (handle, hash) = LinkHandles.New();
            await store.IssueAsync(connection, hash, account.Id, newAddress.DisplayAddress, now, now + LinkLifetime, cancellationToken);
            await outbox.EnqueueAsync(emails.Confirm(newAddress.DisplayAddress, null, handle, requestId, LinkLifetime), connection, transaction, cancellationToken);
            LogRequested(account.Id);
        }

        await audit.RecordAsync(new(AuditEventTypes.EmailChangeRequested, account.Id), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SelfServiceResult.Done;
    }

    /// <summary>The link a handle opens while it still works; null for a malformed, unknown, expired, used or voided one.</summary>
    public Task<EmailChangeLink?> FindAsync(string? handle, CancellationToken cancellationToken) =>
        LinkHandles.HashOf(handle) is { } hash
            ? store.FindUsableAsync(hash, clock.GetUtcNow(), cancellationToken)
            : Task.FromResult<EmailChangeLink?>(null);

    /// <summary>
    /// Spends the link and, in the same transaction: the new address (canonical, verified) and the organisation of its
    /// domain, every session but <paramref name="currentSessionId"/> ended (<see cref="AccountSessions"/>: a new security stamp, every
    /// refresh token and other session revoked),
    /// the account's other change links and set-password links voided, and the notice to the old address enqueued (in the account's language).
    /// </summary>
    /// <param name="currentSessionId">The session of the browser following the link when it is the account's, which stays; null: none does.</param>
    public async Task<EmailChangeOutcome> ConfirmAsync(EmailChangeLink link, string? currentSessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await store.ConsumeAsync(connection, link.TokenHash, now, cancellationToken) is not { } spent
            || MailboxParser.Parse(spent.NewEmail).Mailbox is not { } mailbox)
        {
            return EmailChangeOutcome.LinkInvalid;
        }

        var organizationDomain = publicMailDomains.IsPublic(mailbox.Domain) ? null : mailbox.Domain;
        if (await store.ChangeAddressAsync(connection, spent.AccountId, mailbox, organizationDomain, now, cancellationToken) is not { } before)
        {
            LogTaken(spent.AccountId);
            return EmailChangeOutcome.AddressTaken; // rolled back: the link still works should the address become free
        }

        await sessions.EndOthersAfterOwnChangeAsync(connection, spent.AccountId, currentSessionId, now, cancellationToken);
        await links.VoidLinksAsync(connection, spent.AccountId, now, cancellationToken);
        using (Languages.Use(Languages.Culture(before.Language, Languages.Current)))
        {
            await outbox.EnqueueAsync(emails.Changed(before.OldEmail, before.DisplayName, mailbox.DisplayAddress, link.TokenHash), connection, transaction, cancellationToken);
        }

        await audit.RecordAsync(new(AuditEventTypes.EmailChangeConfirmed, spent.AccountId), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(spent.AccountId);
        return EmailChangeOutcome.Changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} asked to change its address; a confirmation link was sent")]
    private partial void LogRequested(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} asked to change its address to one another account uses; a notice was sent instead of a link")]
    private partial void LogInUse(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} could not take its new address: another account has it now")]
    private partial void LogTaken(Guid accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} changed its address; other sessions and refresh tokens ended")]
    private partial void LogChanged(Guid accountId);
}
