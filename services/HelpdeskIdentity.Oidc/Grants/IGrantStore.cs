namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>Authorization codes and refresh tokens. Every "spend" is atomic, so two racing requests cannot both succeed.</summary>
public interface IGrantStore
{
    Task StoreCodeAsync(AuthorizationCode code, CancellationToken cancellationToken);

    /// <summary>The code issued to <paramref name="clientId"/> with this hash, spent or not; null for any other client.</summary>
    Task<AuthorizationCode?> FindCodeAsync(string codeHash, string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// Spends the code of <paramref name="clientId"/>, once the request proved it may (redirect URI, PKCE):
    /// true the first time; the second time false, and what the first use issued (its access token and
    /// refresh token family) is revoked.
    /// </summary>
    Task<bool> SpendCodeAsync(string codeHash, string clientId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Remembers what a code was exchanged for, so a replay can revoke it.</summary>
    Task RecordCodeTokensAsync(string codeHash, string clientId, string accessTokenId, DateTimeOffset accessTokenExpiresAt, Guid? refreshFamilyId, CancellationToken cancellationToken);

    Task StoreRefreshTokenAsync(RefreshToken token, CancellationToken cancellationToken);

    /// <summary>
    /// In one atomic step: spends the current token with <paramref name="tokenHash"/> issued to
    /// <paramref name="clientId"/>, when it was granted every scope in <paramref name="requestedScopes"/>
    /// (empty: no narrowing), and stores its successor (same family and scopes, expiring at
    /// <paramref name="slidingExpiresAt"/> or the family's end, whichever is first). A spent token
    /// presented again revokes its family; a live token asked for more scopes stays unspent.
    /// </summary>
    Task<RefreshTokenUse> RotateRefreshTokenAsync(string tokenHash, string clientId, IReadOnlyCollection<string> requestedScopes, string successorHash,
        DateTimeOffset now, DateTimeOffset slidingExpiresAt, CancellationToken cancellationToken);

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
