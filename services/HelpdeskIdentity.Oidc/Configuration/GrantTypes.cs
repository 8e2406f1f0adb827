namespace HelpdeskIdentity.Oidc.Configuration;

public static class GrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";

    public static readonly string[] All = [AuthorizationCode, RefreshToken, ClientCredentials];
}
