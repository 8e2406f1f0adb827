namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>Authorization codes and refresh tokens. Every "spend" is atomic, so two racing requests cannot both succeed.</summary>
public interface IGrantStore
{
    Task StoreCodeAsync(AuthorizationCode code, CancellationToken cancellationToken);

    /// <summary>
    /// Spends the code: returns it the first time; the second time returns null and revokes what
    /// the first use issued (its access token and refresh token family).
    /// </summary>
    Task<AuthorizationCode?> ConsumeCodeAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Remembers what a code was exchanged for, so a replay can revoke it.</summary>
    Task RecordCodeTokensAsync(string codeHash, string accessTokenId, DateTimeOffset accessTokenExpiresAt, Guid? refreshFamilyId, CancellationToken cancellationToken);

    Task StoreRefreshTokenAsync(RefreshToken token, CancellationToken cancellationToken);

    /// <summary>
    /// In one atomic step: spends the current token with <paramref name="tokenHash"/> issued to
    /// <paramref name="clientId"/> and stores its successor (same family and scopes, expiring at
    /// <paramref name="slidingExpiresAt"/> or the family's end, whichever is first). A spent token
    /// presented again revokes its family.
    /// </summary>
    Task<RefreshTokenUse> RotateRefreshTokenAsync(string tokenHash, string clientId, string successorHash, DateTimeOffset now, DateTimeOffset slidingExpiresAt, CancellationToken cancellationToken);

    /// <summary>Revokes the family of the refresh token with this hash, when it belongs to <paramref name="clientId"/>.</summary>
    Task RevokeRefreshTokenAsync(string tokenHash, string clientId, CancellationToken cancellationToken);

    /// <summary>Revokes every refresh token of one sign-in session (logout).</summary>
    Task RevokeSessionAsync(string subjectId, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what can no longer matter at <paramref name="now"/>: codes a day past their expiry,
    /// refresh tokens whose family has expired, and families revoked more than a day ago. Spent
    /// tokens of a live family stay: they are how reuse is detected.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
