using HelpdeskIdentity.Oidc.Clients;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>The clients the OIDC tests register, as configuration settings.</summary>
public static class TestClients
{
    public const string BackendId = "helpdesk-backend";
    public const string BackendSecret = "backend-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    public const string OtherBackendId = "reporting";
    public const string OtherBackendSecret = "reporting-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    public const string PortalId = "portal";
    public const string PortalOrigin = "http://127.0.0.1:5173";
    public const string PortalRedirectUri = PortalOrigin + "/callback";
    public const string WebAppId = "webapp";
    public const string WebAppSecret = "webapp-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    public const string WebAppRedirectUri = "https://webapp.helpdesk.test/signin-oidc";
    public const string PushingPortalId = "portal-par";
    public const string AdminScope = "identity.admin";
    public const string AdminResource = "urn:helpdesk-identity:admin";
    public const string ReportsScope = "reports.api";
    public const string ReportsResource = "https://reports.helpdesk.test/";

    public static Dictionary<string, string?> Settings() => new()
    {
        // No grace period: a reused refresh token is reuse at once (TokenLifetimeTests proves the grace period on the movable clock).
        ["Oidc:RefreshTokenReuseLeeway"] = "00:00:00",
        ["Oidc:ApiScopes:1:Name"] = "helpdesk.api",
        ["Oidc:ApiScopes:1:Audience"] = "helpdesk-api",
        ["Oidc:ApiScopes:2:Name"] = ReportsScope,
        ["Oidc:ApiScopes:2:Audience"] = ReportsResource, // a second API a resource indicator (RFC 8707) can name
        ["Oidc:Clients:0:ClientId"] = BackendId,
        ["Oidc:Clients:0:Type"] = "Confidential",
        ["Oidc:Clients:0:SecretHashes:0"] = ClientSecrets.Hash(BackendSecret),
        ["Oidc:Clients:0:AllowedGrantTypes:0"] = "client_credentials",
        ["Oidc:Clients:0:AllowedScopes:0"] = "identity.admin",
        ["Oidc:Clients:0:AllowedScopes:1"] = "helpdesk.api",
        ["Oidc:Clients:1:ClientId"] = OtherBackendId,
        ["Oidc:Clients:1:Type"] = "Confidential",
        ["Oidc:Clients:1:SecretHashes:0"] = ClientSecrets.Hash(OtherBackendSecret),
        ["Oidc:Clients:1:AllowedGrantTypes:0"] = "client_credentials",
        ["Oidc:Clients:1:AllowedScopes:0"] = "helpdesk.api",
        ["Oidc:Clients:2:ClientId"] = PortalId,
        ["Oidc:Clients:2:Type"] = "Public",
        ["Oidc:Clients:2:RedirectUris:0"] = PortalRedirectUri,
        ["Oidc:Clients:2:AllowedCorsOrigins:0"] = PortalOrigin,
        ["Oidc:Clients:2:AllowedGrantTypes:0"] = "authorization_code",
        ["Oidc:Clients:2:AllowedGrantTypes:1"] = "refresh_token",
        ["Oidc:Clients:2:AllowedScopes:0"] = "openid",
        ["Oidc:Clients:2:AllowedScopes:1"] = "profile",
        ["Oidc:Clients:2:AllowedScopes:2"] = "email",
        ["Oidc:Clients:2:AllowedScopes:3"] = "offline_access",
        ["Oidc:Clients:2:AllowedScopes:4"] = "organization",
        ["Oidc:Clients:2:AllowedScopes:5"] = AdminScope,
        ["Oidc:Clients:2:AllowedScopes:6"] = ReportsScope,
        ["Oidc:Clients:2:AllowedScopes:7"] = "helpdesk.api",
        ["Oidc:Clients:2:PostLogoutRedirectUris:0"] = PortalOrigin + "/",
        ["Oidc:Clients:3:ClientId"] = WebAppId,
        ["Oidc:Clients:3:Type"] = "Confidential",
        ["Oidc:Clients:3:SecretHashes:0"] = ClientSecrets.Hash(WebAppSecret),
        ["Oidc:Clients:3:RedirectUris:0"] = WebAppRedirectUri,
        ["Oidc:Clients:3:AllowedGrantTypes:0"] = "authorization_code",
        ["Oidc:Clients:3:AllowedGrantTypes:1"] = "refresh_token",
        ["Oidc:Clients:3:AllowedScopes:0"] = "openid",
        ["Oidc:Clients:4:ClientId"] = PushingPortalId,
        ["Oidc:Clients:4:Type"] = "Public",
        ["Oidc:Clients:4:RequirePushedAuthorizationRequests"] = "true",
        ["Oidc:Clients:4:RedirectUris:0"] = PortalRedirectUri,
        ["Oidc:Clients:4:AllowedGrantTypes:0"] = "authorization_code",
        ["Oidc:Clients:4:AllowedScopes:0"] = "openid",
    };
}
