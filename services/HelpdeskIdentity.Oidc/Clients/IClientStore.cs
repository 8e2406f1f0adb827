namespace HelpdeskIdentity.Oidc.Clients;

public interface IClientStore
{
    Task<OidcClient?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Whether any client registered this browser origin (for CORS on discovery and JWKS).</summary>
    Task<bool> IsAllowedOriginAsync(string origin, CancellationToken cancellationToken);
}
