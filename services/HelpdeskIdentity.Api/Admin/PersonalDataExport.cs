using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// GDPR export (docs/decisions/0035): everything held about the person in one document — the account (and the name a
/// ticket suggested, when not yet confirmed), its organisation, its browser sessions (the <c>sessions</c> rows: docs/decisions/0024), its passkeys (names and dates), pending e-mail changes, e-mails written to them (never bodies: they carry links), and the audit events about them.
/// The export itself is audited, in the same transaction that read it.
/// </summary>
public sealed class PersonalDataExport(HelpdeskDbContext db, AdminAccounts accounts, AuditTrail audit)
{
    public async Task<PersonalDataDocument?> ExportAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        if (await accounts.FindAsync(id, cancellationToken) is not { } account)
        {
            return null;
        }

        var suggestedName = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SuggestedDisplayName).SingleAsync(cancellationToken);
        var organization = account.Organization is null ? null : await db.Organizations.AsNoTracking()
            .Where(o => o.Id == account.Organization.Id)
            .Select(o => new ExportedOrganization(o.Id, o.Name, o.Domains.OrderBy(d => d.Domain).Select(d => d.Domain).ToList()))
            .SingleAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.AccountId == id)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new ExportedSession(s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Persistent, s.UserAgent, s.RevokedAt))
            .ToListAsync(cancellationToken);
        var emailChanges = await db.EmailChangeTokens.AsNoTracking().Where(t => t.AccountId == id)
            .OrderBy(t => t.CreatedAt)
            .Select(t => new ExportedEmailChange(t.NewEmail, t.CreatedAt, t.ExpiresAt, t.ConsumedAt, t.VoidedAt))
            .ToListAsync(cancellationToken);
        var addresses = new[] { account.Email?.ToLowerInvariant() }.Concat(emailChanges.Select(c => c.NewEmail.ToLowerInvariant())).ToList();
        var emails = await db.EmailOutbox.AsNoTracking().Where(e => addresses.Contains(e.ToAddress.ToLower()))
            .OrderBy(e => e.CreatedAt)
            .Select(e => new ExportedEmail(e.Category, e.ToAddress, e.Subject, e.CreatedAt, e.Status, e.SentAt))
            .ToListAsync(cancellationToken);
        var passwordChanges = await db.PasswordHistory.AsNoTracking().Where(h => h.AccountId == id)
            .OrderBy(h => h.CreatedAt).Select(h => h.CreatedAt).ToListAsync(cancellationToken);
        var passkeys = await db.Set<Accounts.Passkeys.PasskeyRecord>().AsNoTracking().Where(p => p.AccountId == id)
            .OrderBy(p => p.CreatedAt)
            .Select(p => new ExportedPasskey(p.Name, p.CreatedAt, p.LastUsedAt, p.Aaguid, p.BackupEligible))
            .ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.AccountId == id)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);

        await audit.RecordAsync(new AuditEntry(AuditEventTypes.AccountExported, id), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PersonalDataDocument(account, suggestedName, organization, sessions, emailChanges, emails, passwordChanges, events.Select(AuditEventView.From).ToList(),
            passkeys);
    }
}

/// <param name="SuggestedName">The name a ticket's From header gave, not yet confirmed by the person (the account view shows only a confirmed one).</param>
public sealed record PersonalDataDocument(
    AccountView Account,
    string? SuggestedName,
    ExportedOrganization? Organization,
    IReadOnlyList<ExportedSession> Sessions,
    IReadOnlyList<ExportedEmailChange> EmailChanges,
    IReadOnlyList<ExportedEmail> Emails,
    IReadOnlyList<DateTimeOffset> PasswordsSetAt,
    IReadOnlyList<AuditEventView> AuditEvents,
    IReadOnlyList<ExportedPasskey> Passkeys);

/// <summary>A passkey of the person (docs/decisions/0039): its name, when it was added and last used, its authenticator model, whether it may be synced. Never its keys.</summary>
public sealed record ExportedPasskey(string Name, DateTimeOffset AddedAt, DateTimeOffset? LastUsedAt, Guid Aaguid, bool BackupEligible);

public sealed record ExportedOrganization(Guid Id, string Name, IReadOnlyList<string> Domains);

/// <summary>
/// A browser sign-in of the person, as its <c>sessions</c> row records it; never its id, which the session cookie and
/// the ID tokens carry.
/// </summary>
public sealed record ExportedSession(
    DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Persistent, string UserAgent, DateTimeOffset? RevokedAt);

public sealed record ExportedEmailChange(string NewEmail, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? VoidedAt);

public sealed record ExportedEmail(string Category, string To, string Subject, DateTimeOffset CreatedAt, string Status, DateTimeOffset? SentAt);

/// <summary>An audit event as the admin API shows it.</summary>
public sealed record AuditEventView(
    Guid Id, DateTimeOffset OccurredAt, string Type, string Outcome, Guid? AccountId, string? ClientId, string? SessionId,
    string? SourceIp, string? UserAgent, string? Detail)
{
    public static AuditEventView From(AuditEventRecord e) =>
        new(e.Id, e.OccurredAt, e.Type, e.Outcome, e.AccountId, e.ClientId, e.SessionId, e.SourceIp, e.UserAgent, e.Detail);
}
