using System.Globalization;
using System.Security.Claims;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Oidc.Grants;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// Two short cookies of the second step: <see cref="PendingScheme"/> — a first factor was accepted, the code is
/// still due (5 minutes) — and <see cref="RememberedScheme"/> — this browser passed the second step for this account
/// ("remember this browser"). Both carry the hash of the account's security stamp, so turning the factor off or
/// on, or a new password, forgets them.
/// </summary>
public static class TwoFactorCookies
{
    public const string PendingScheme = "HelpdeskIdentity.TwoFactorPending";
    public const string PendingCookie = "hdid.2fa";
    public const string RememberedScheme = "HelpdeskIdentity.TwoFactorRemembered";
    public const string RememberedCookie = "hdid.2fa-remembered";

    private const string MethodClaim = "first_factor";
    private const string PersistentClaim = "persistent";

    public static ClaimsPrincipal Pending(Account account, string method, bool persistent) => Principal(PendingScheme,
        [
            new Claim(SessionCookie.SubjectClaim, account.Id.ToString()),
            new Claim(SessionCookie.SecurityStampClaim, Secrets.Hash(account.SecurityStamp ?? "")),
            new Claim(MethodClaim, method),
            new Claim(PersistentClaim, persistent ? "true" : "false"),
        ]);

    public static ClaimsPrincipal Remembered(Account account) => Principal(RememberedScheme,
        [
            new Claim(SessionCookie.SubjectClaim, account.Id.ToString()),
            new Claim(SessionCookie.SecurityStampClaim, Secrets.Hash(account.SecurityStamp ?? "")),
        ]);

    /// <summary>The pending sign-in a principal carries: account, first-factor method, "keep me signed in"; null when malformed.</summary>
    public static (Guid AccountId, string Method, bool Persistent)? ReadPending(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(SessionCookie.SubjectClaim)?.Value, CultureInfo.InvariantCulture, out var id)
        && principal!.FindFirst(MethodClaim)?.Value is { Length: > 0 } method
            ? (id, method, principal.FindFirst(PersistentClaim)?.Value == "true")
            : null;

    /// <summary>Whether the principal is for this account and still bound to its current security stamp.</summary>
    public static bool IsFor(ClaimsPrincipal? principal, Account account) =>
        principal is not null
        && principal.FindFirst(SessionCookie.SubjectClaim)?.Value == account.Id.ToString()
        && SessionPrincipal.HasStamp(principal, account.SecurityStamp);

    private static ClaimsPrincipal Principal(string scheme, Claim[] claims) => new(new ClaimsIdentity(claims, scheme, SessionCookie.SubjectClaim, null));
}
