using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// The EF model of <c>passkeys</c> and <c>passkey_ceremonies</c> (migration 0022), so the schema test can hold the scripts
/// and the model together. The feature itself reads and writes them in SQL (<see cref="PasskeyStore"/>).
/// </summary>
public class PasskeyRecord
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public required byte[] CredentialId { get; set; }

    public required byte[] PublicKey { get; set; }

    public long SignCount { get; set; }

    public required string[] Transports { get; set; }

    public Guid Aaguid { get; set; }

    public bool BackupEligible { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PasskeyRecord>
    {
        public void Configure(EntityTypeBuilder<PasskeyRecord> passkey)
        {
            passkey.ToTable("passkeys");
            passkey.Property(p => p.Id).ValueGeneratedNever();
            passkey.Property(p => p.Name).HasMaxLength(Passkey.MaxNameLength);
            passkey.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
            passkey.HasIndex(p => p.CredentialId).IsUnique();
            passkey.HasIndex(p => p.AccountId);
        }
    }
}

/// <summary>A row of <c>passkey_ceremonies</c> (see <see cref="PasskeyCeremony"/>).</summary>
public class PasskeyCeremonyRecord
{
    public required string HandleHash { get; set; }

    public required string Purpose { get; set; }

    public Guid? AccountId { get; set; }

    public string? Binding { get; set; }

    public required string Options { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PasskeyCeremonyRecord>
    {
        public void Configure(EntityTypeBuilder<PasskeyCeremonyRecord> ceremony)
        {
            ceremony.ToTable("passkey_ceremonies");
            ceremony.HasKey(c => c.HandleHash);
            ceremony.Property(c => c.HandleHash).HasMaxLength(64);
            ceremony.Property(c => c.Purpose).HasMaxLength(20);
            ceremony.Property(c => c.Binding).HasMaxLength(100);
            ceremony.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
            ceremony.HasIndex(c => c.ExpiresAt);
        }
    }
}
