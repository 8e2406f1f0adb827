namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>Where the provider's endpoints are; discovery publishes them under <c>Oidc:Issuer</c>.</summary>
public static class OidcPaths
{
    public const string Discovery = "/.well-known/openid-configuration";
    public const string Jwks = "/.well-known/jwks.json";
    public const string Authorize = "/connect/authorize";
    public const string PushedAuthorization = "/connect/par";
    public const string Token = "/connect/token";
    public const string Introspection = "/connect/introspect";
    public const string Revocation = "/connect/revoke";
    public const string UserInfo = "/connect/userinfo";
    public const string EndSession = "/connect/endsession";

    /// <summary>The endpoints a browser client calls directly (fetch/XHR), and so the only ones with CORS.</summary>
    public static readonly string[] BrowserFacing = [Discovery, Jwks, Token, Revocation, UserInfo];
}
