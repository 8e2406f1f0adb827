namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The browser session at the identity service: its authentication scheme, cookie and claims.</summary>
public static class SessionCookie
{
    public const string Scheme = "HelpdeskIdentity.Session";

    /// <summary>The cookie's name on plain-HTTP local runs (Development, Testing), where browsers refuse a <c>__Host-</c> cookie.</summary>
    public const string CookieName = "hdid.session";

    /// <summary>
    /// Its name everywhere else: the <c>__Host-</c> prefix makes browsers accept it only Secure, for this host alone
    /// (no Domain), on path / — a sibling subdomain cannot plant or overwrite it (review finding 7).
    /// </summary>
    public const string SecureCookieName = "__Host-" + CookieName;

    public const string SubjectClaim = "sub";

    /// <summary>When the user authenticated, in Unix seconds (OIDC <c>auth_time</c>).</summary>
    public const string AuthTimeClaim = "auth_time";

    /// <summary>A random 128-bit session id, base64url (OIDC <c>sid</c>).</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>SHA-256 (hex) of the account's security stamp at sign-in: the session ends when the stamp changes.</summary>
    public const string SecurityStampClaim = "hdid_stamp";

    /// <summary>When the person last typed the password again on <c>/account/confirm-access</c>, in Unix seconds; absent until then (docs/decisions/0056).</summary>
    public const string ConfirmedAtClaim = "hdid_confirmed";
}
