namespace HelpdeskIdentity.Oidc.Clients;

public enum ClientType
{
    /// <summary>Cannot keep a secret (a single-page app): PKCE required, no client_credentials.</summary>
    Public,

    /// <summary>Authenticates with a secret at the token, introspection and revocation endpoints.</summary>
    Confidential,
}
