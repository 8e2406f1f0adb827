using HelpdeskIdentity.Oidc.Revocation;
using Npgsql;

namespace HelpdeskIdentity.Api.Data;

/// <summary>Revoked access tokens in <c>revoked_tokens</c>; rows past their expiry are deleted as new ones arrive.</summary>
internal sealed class RevokedTokenStore(NpgsqlDataSource dataSource, TimeProvider clock) : IRevokedTokenStore
{
    private const string Revoke = """
        DELETE FROM revoked_tokens WHERE expires_at < @now;
        INSERT INTO revoked_tokens (token_id, expires_at) VALUES (@token_id, @expires_at) ON CONFLICT (token_id) DO NOTHING;
        """;

    private const string IsRevoked = "SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_id = @token_id)";

    public Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Revoke, cancellationToken, ("now", clock.GetUtcNow()), ("token_id", tokenId), ("expires_at", expiresAt));

    public async Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<bool>(connection, IsRevoked, cancellationToken, ("token_id", tokenId));
    }
}
