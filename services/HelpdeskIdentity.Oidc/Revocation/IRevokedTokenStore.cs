namespace HelpdeskIdentity.Oidc.Revocation;

/// <summary>Revoked access tokens by <c>jti</c>, remembered until they would have expired anyway.</summary>
public interface IRevokedTokenStore
{
    Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken);
}
