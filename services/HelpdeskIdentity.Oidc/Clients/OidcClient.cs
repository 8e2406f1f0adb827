namespace HelpdeskIdentity.Oidc.Clients;

/// <summary>A registered client, as configured under <c>Oidc:Clients</c> and seeded into the database.</summary>
public sealed class OidcClient
{
    public string ClientId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public ClientType Type { get; set; } = ClientType.Public;

    /// <summary>SHA-256 of each accepted secret, lower-case hex (<c>printf %s "$SECRET" | sha256sum</c>).</summary>
    public List<string> SecretHashes { get; set; } = [];

    /// <summary>
    /// For <c>private_key_jwt</c> (RFC 7523): the client's public keys as a JWKS document (JSON), instead of or beside a
    /// secret. The client signs a short-lived assertion with its private key; nothing secret is stored here.
    /// </summary>
    public string? JsonWebKeySet { get; set; }

    /// <summary>RFC 9126: authorization requests must be pushed to <c>/connect/par</c> first; a plain one is refused.</summary>
    public bool RequirePushedAuthorizationRequests { get; set; }

    /// <summary>Exact-match redirect URIs (RFC 9700 §4.1.3).</summary>
    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>Browser origins (scheme://host[:port]) allowed to call the token, userinfo, revocation, discovery and JWKS endpoints.</summary>
    public List<string> AllowedCorsOrigins { get; set; } = [];

    public List<string> AllowedGrantTypes { get; set; } = [];

    public List<string> AllowedScopes { get; set; } = [];
}
