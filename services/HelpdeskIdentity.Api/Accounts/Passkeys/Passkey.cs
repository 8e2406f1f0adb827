namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// A passkey registered to an account: the credential id and public key (not secrets), the sign counter, how the
/// browser may reach the authenticator (transports), the authenticator's model (AAGUID), whether the credential may be
/// synced (backup eligible), the owner's name for it, and when it was added and last used.
/// </summary>
public sealed record Passkey(
    Guid Id, Guid AccountId, byte[] CredentialId, byte[] PublicKey, uint SignCount, IReadOnlyList<string> Transports, Guid AaGuid,
    bool BackupEligible, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>The longest name a passkey may have.</summary>
    public const int MaxNameLength = 100;
}
