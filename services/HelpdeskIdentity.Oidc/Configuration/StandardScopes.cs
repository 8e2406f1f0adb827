namespace HelpdeskIdentity.Oidc.Configuration;

/// <summary>The identity scopes the provider knows without configuration.</summary>
public static class StandardScopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";
    public const string Organization = "organization";
    public const string OfflineAccess = "offline_access";

    public static readonly string[] All = [OpenId, Profile, Email, Organization, OfflineAccess];
}
