using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>Refresh token families: started by a code exchange, continued one atomic rotation at a time.</summary>
public sealed class RefreshTokens(IGrantStore grants, IOptions<OidcOptions> options, TimeProvider clock)
{
    private readonly OidcOptions _options = options.Value;

    /// <summary>Stores the first token of a new family and returns its handle and the family id.</summary>
    public async Task<(string Handle, Guid FamilyId)> StartFamilyAsync(UserGrant grant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var handle = Secrets.NewHandle();
        var familyId = Guid.CreateVersion7(now);
        var familyExpires = now + _options.RefreshTokenAbsoluteLifetime;
        var expires = new[] { now + _options.RefreshTokenSlidingLifetime, familyExpires }.Min();
        await grants.StoreRefreshTokenAsync(new RefreshToken(Secrets.Hash(handle), familyId, grant.ClientId, grant.SubjectId, grant.SessionId,
            grant.AuthenticatedAt, grant.Scopes, expires, familyExpires), cancellationToken);
        return (handle, familyId);
    }

    /// <summary>Spends <paramref name="handle"/> (when it was granted <paramref name="requestedScopes"/>) and stores <paramref name="successorHandle"/> in its place, in one step.</summary>
    public Task<RefreshTokenUse> RotateAsync(string handle, string successorHandle, string clientId, IReadOnlyCollection<string> requestedScopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return grants.RotateRefreshTokenAsync(Secrets.Hash(handle), clientId, requestedScopes, Secrets.Hash(successorHandle), now,
            now + _options.RefreshTokenSlidingLifetime, cancellationToken);
    }
}
