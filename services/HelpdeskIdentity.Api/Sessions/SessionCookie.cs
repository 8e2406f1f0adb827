namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The browser session at the identity service: its authentication scheme, cookie and claims.</summary>
public static class SessionCookie
{
    public const string Scheme = "HelpdeskIdentity.Session";

    public const string CookieName = "hdid.session";

    public const string SubjectClaim = "sub";

    /// <summary>When the user authenticated, in Unix seconds (OIDC <c>auth_time</c>).</summary>
    public const string AuthTimeClaim = "auth_time";

    /// <summary>A random 128-bit session id, base64url (OIDC <c>sid</c>).</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>SHA-256 (hex) of the account's security stamp at sign-in: the session ends when the stamp changes.</summary>
    public const string SecurityStampClaim = "hdid_stamp";
}
