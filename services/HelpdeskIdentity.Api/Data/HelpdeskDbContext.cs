using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Oidc.Storage;
using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Api.RateLimiting;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Api.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIddict.EntityFrameworkCore.Models;

namespace HelpdeskIdentity.Api.Data;

/// <summary>
/// The service's database. The schema itself is created by the SQL scripts in Data/Migrations;
/// a test keeps this model and those scripts in agreement.
/// </summary>
public class HelpdeskDbContext(DbContextOptions<HelpdeskDbContext> options)
    : IdentityUserContext<Account, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationDomain> OrganizationDomains => Set<OrganizationDomain>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<EmailOutboxEntry> EmailOutbox => Set<EmailOutboxEntry>();

    public DbSet<IngestedTicket> IngestedTickets => Set<IngestedTicket>();

    /// <summary>The Data Protection key ring (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<RateLimitCounterRecord> RateLimitCounters => Set<RateLimitCounterRecord>();

    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<PasswordResetTokenRecord> PasswordResetTokens => Set<PasswordResetTokenRecord>();

    public DbSet<PasswordResetRequestRecord> PasswordResetRequests => Set<PasswordResetRequestRecord>();

    public DbSet<RegistrationRequestRecord> RegistrationRequests => Set<RegistrationRequestRecord>();

    public DbSet<RegistrationTokenRecord> RegistrationTokens => Set<RegistrationTokenRecord>();
    public DbSet<EmailChangeTokenRecord> EmailChangeTokens => Set<EmailChangeTokenRecord>();

    public DbSet<SignInCodeRecord> SignInCodes => Set<SignInCodeRecord>();
    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Account>(account =>
        {
            account.ToTable("users");
            // Identity's own e-mail index is not unique; ours is, because one address is one account.
            account.HasIndex(a => a.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.Property(a => a.SuggestedDisplayName).HasMaxLength(200);
            account.Property(a => a.Language).HasMaxLength(8);
            account.Property(a => a.SecondFactorFailedCount).HasDefaultValue(0);
            // Identity saves a user by writing every column of the row it read. These are written only by their own
            // single UPDATEs (ticket intake, an operator's disable, the one-use authenticator codes, the second factor's
            // lockout), so a save of a copy read before one of those must not write the old values back.
            foreach (var ownedBySql in new[] { nameof(Account.TicketCount), nameof(Account.FirstTicketAt), nameof(Account.LastTicketAt),
                         nameof(Account.DisabledAt), nameof(Account.AuthenticatorLastStep), nameof(Account.SecondFactorFailedCount),
                         nameof(Account.SecondFactorLockoutEnd) })
            {
                account.Property(ownedBySql).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            }
            account.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
            account.HasIndex(a => a.OrganizationId);
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.Entity<Organization>(organization =>
        {
            organization.Property(o => o.Name).HasMaxLength(253);
            organization.HasMany(o => o.Domains).WithOne().HasForeignKey(d => d.OrganizationId);
        });
        builder.Entity<OrganizationDomain>(domain =>
        {
            domain.HasKey(d => d.Domain);
            domain.Property(d => d.Domain).HasMaxLength(253);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.Property(m => m.MessageType).HasMaxLength(200);
            message.Property(m => m.Payload).HasColumnType("jsonb");
            message.Property(m => m.TraceParent).HasMaxLength(55);
            message.HasIndex(m => m.NextAttemptAt).HasFilter("published_at IS NULL");
        });

        builder.Entity<EmailOutboxEntry>(email =>
        {
            email.ToTable("email_outbox");
            email.Property(e => e.IdempotencyKey).HasMaxLength(200);
            email.Property(e => e.TraceParent).HasMaxLength(55);
            email.Property(e => e.Category).HasMaxLength(100);
            email.Property(e => e.ToAddress).HasMaxLength(320);
            email.Property(e => e.ToName).HasMaxLength(200);
            email.Property(e => e.Status).HasMaxLength(20);
            email.Property(e => e.LastError).HasMaxLength(2000);
            email.HasIndex(e => e.IdempotencyKey).IsUnique();
            email.HasIndex(e => e.NextAttemptAt).HasFilter("status = 'pending'");
        });

        builder.Entity<IngestedTicket>(ticket =>
        {
            ticket.HasKey(t => t.TicketId);
            ticket.Property(t => t.TicketId).HasMaxLength(200);
            ticket.HasIndex(t => t.IngestedAt);
            ticket.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasIndex(t => t.AccountId);
        });

        builder.Entity<SigningKeyRecord>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasMaxLength(100);
            key.Property(k => k.Algorithm).HasMaxLength(20);
            // One key per activation time: instances that race to create the next key meet here.
            key.HasIndex(k => k.ActivatesAt).IsUnique();
        });
        builder.Entity<RateLimitCounterRecord>(counter =>
        {
            counter.HasKey(c => c.KeyHash);
            counter.HasIndex(c => c.WindowEndsAt);
        });

        builder.Entity<SessionRecord>(session =>
        {
            session.ToTable("sessions");
            session.Property(s => s.Id).HasMaxLength(100);
            session.Property(s => s.UserAgent).HasMaxLength(100);
            session.Property(s => s.CarriedSessionIds).HasDefaultValueSql("'{}'");
            session.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => s.AccountId);
            session.HasIndex(s => s.ExpiresAt);
        });

        builder.Entity<PasswordHistoryEntry>(entry =>
        {
            entry.ToTable("password_history");
            entry.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
            entry.HasIndex(e => new { e.AccountId, e.Id });
        });

        builder.Entity<PasswordResetTokenRecord>(token =>
        {
            token.ToTable("password_reset_tokens");
            token.HasKey(t => t.TokenHash);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.ReturnUrl).HasMaxLength(2000);
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.AccountId);
        });
        builder.Entity<PasswordResetRequestRecord>(request =>
        {
            request.ToTable("password_reset_requests");
            request.Property(r => r.Email).HasMaxLength(320);
            request.Property(r => r.Language).HasMaxLength(8);
            request.Property(r => r.ReturnUrl).HasMaxLength(2000);
            request.Property(r => r.Purpose).HasMaxLength(20).HasDefaultValue(Accounts.PasswordReset.PasswordResetRequest.SetPasswordPurpose);
            request.Property(r => r.Attempts).HasDefaultValue(0);
            request.HasIndex(r => r.CreatedAt);
        });
        builder.Entity<SignInCodeRecord>(code =>
        {
            code.ToTable("sign_in_codes");
            code.HasKey(c => c.AccountId);
            code.Property(c => c.CodeHash).HasMaxLength(64);
            code.Property(c => c.ReturnUrl).HasMaxLength(2000);
            code.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
            code.HasIndex(c => c.ExpiresAt);
        });
        builder.Entity<EmailChangeTokenRecord>(token =>
        {
            token.ToTable("email_change_tokens");
            token.HasKey(t => t.TokenHash);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.NewEmail).HasMaxLength(320);
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.AccountId);
        });

        builder.Entity<RegistrationRequestRecord>(request =>
        {
            request.ToTable("registration_requests");
            request.Property(r => r.Attempts).HasDefaultValue(0);
            request.Property(r => r.Email).HasMaxLength(320);
            request.Property(r => r.DisplayName).HasMaxLength(200);
            request.Property(r => r.ReturnUrl).HasMaxLength(2000);
            request.Property(r => r.Language).HasMaxLength(8);
            request.HasIndex(r => r.CreatedAt);
        });
        builder.Entity<RegistrationTokenRecord>(token =>
        {
            token.ToTable("registration_tokens");
            token.HasKey(t => t.TokenHash);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Email).HasMaxLength(320);
            token.Property(t => t.DisplayName).HasMaxLength(200);
            token.Property(t => t.ReturnUrl).HasMaxLength(2000);
            token.HasIndex(t => t.Email);
        });

        builder.UseOpenIddict<OidcApplication, OidcAuthorization, OpenIddictEntityFrameworkCoreScope, OidcToken, string>();
        builder.Entity<OidcApplication>().ToTable("openiddict_applications");
        builder.Entity<OidcAuthorization>(authorization =>
        {
            authorization.ToTable("openiddict_authorizations");
            authorization.Property(a => a.SessionId).HasMaxLength(100);
            authorization.HasIndex(a => a.SessionId);
            authorization.HasIndex(a => a.Subject);
            authorization.HasOne(a => a.Application).WithMany(a => a.Authorizations).HasConstraintName("fk_openiddict_authorizations_application_id");
        });
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        builder.Entity<OidcToken>(token =>
        {
            token.ToTable("openiddict_tokens");
            token.HasIndex(t => t.Subject);
            token.HasOne(t => t.Application).WithMany(a => a.Tokens).HasConstraintName("fk_openiddict_tokens_application_id");
            token.HasOne(t => t.Authorization).WithMany(a => a.Tokens).HasConstraintName("fk_openiddict_tokens_authorization_id");
        });

        builder.Entity<AuditEventRecord>(audit =>
        {
            audit.ToTable("audit_events");
            audit.Property(e => e.Id).ValueGeneratedNever();
            audit.Property(e => e.Type).HasMaxLength(64);
            audit.Property(e => e.Outcome).HasMaxLength(16);
            audit.Property(e => e.ClientId).HasMaxLength(100);
            audit.Property(e => e.SessionId).HasMaxLength(100);
            audit.Property(e => e.SourceIp).HasMaxLength(64);
            audit.Property(e => e.UserAgent).HasMaxLength(100);
            audit.Property(e => e.Detail).HasMaxLength(100);
            audit.HasIndex(e => new { e.AccountId, e.OccurredAt });
            audit.HasIndex(e => e.OccurredAt);
        });

        builder.ApplyConfiguration(new Accounts.Passkeys.PasskeyRecord.Configuration());
        builder.ApplyConfiguration(new Accounts.Passkeys.PasskeyCeremonyRecord.Configuration());
        SnakeCaseNames.Apply(builder);
    }
}
