using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Sessions;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Builds the session cookie's principal, and reads a <see cref="UserSession"/> back from one.</summary>
public static class SessionPrincipal
{
    /// <summary>
    /// A new session: a fresh session id, the hash (never the stamp itself) of the account's security stamp, and how the
    /// person signed in (<see cref="AuthenticationMethods"/>: RFC 8176 <c>amr</c> values).
    /// </summary>
    public static ClaimsPrincipal Create(Guid accountId, DateTimeOffset authenticatedAt, string securityStamp, IReadOnlyCollection<string> methods) =>
        Build(accountId.ToString(),
            authenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            securityStamp, methods, null);

    /// <summary>
    /// The same session (subject, sign-in time, session id, methods, last confirmation) bound to the account's new
    /// security stamp; <paramref name="confirmedAt"/>, when given, records that the person just confirmed it was them
    /// (docs/decisions/0056). The sign-in time — OIDC's <c>auth_time</c> — never changes.
    /// </summary>
    public static ClaimsPrincipal Renew(ClaimsPrincipal current, string securityStamp, DateTimeOffset? confirmedAt = null) =>
        Build(current.FindFirst(SessionCookie.SubjectClaim)?.Value ?? throw new ArgumentException("No subject.", nameof(current)),
            current.FindFirst(SessionCookie.AuthTimeClaim)?.Value ?? throw new ArgumentException("No auth_time.", nameof(current)),
            current.FindFirst(SessionCookie.SessionIdClaim)?.Value ?? throw new ArgumentException("No sid.", nameof(current)),
            securityStamp, Methods(current),
            confirmedAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? current.FindFirst(SessionCookie.ConfirmedAtClaim)?.Value);

    /// <summary>When the person last proved who they are in this session: the sign-in, or a later confirmation, whichever is newer.</summary>
    public static DateTimeOffset? LastProvedAt(ClaimsPrincipal? principal) =>
        new[] { SessionCookie.AuthTimeClaim, SessionCookie.ConfirmedAtClaim }
            .Select(type => long.TryParse(principal?.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (long?)null)
            .Max() is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>The session the principal carries, or null when a claim is missing or malformed.</summary>
    public static UserSession? Read(ClaimsPrincipal? principal)
    {
        var subject = principal?.FindFirst(SessionCookie.SubjectClaim)?.Value;
        var authTime = principal?.FindFirst(SessionCookie.AuthTimeClaim)?.Value;
        var sessionId = principal?.FindFirst(SessionCookie.SessionIdClaim)?.Value;
        if (!Guid.TryParse(subject, out _)
            || !long.TryParse(authTime, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || string.IsNullOrEmpty(sessionId))
        {
            return null;
        }

        return new UserSession(subject!, DateTimeOffset.FromUnixTimeSeconds(seconds), sessionId, Methods(principal));
    }

    /// <summary>How the session's person signed in (RFC 8176 <c>amr</c> values), in the order recorded; empty for a session from before they were.</summary>
    public static IReadOnlyList<string> Methods(ClaimsPrincipal? principal) =>
        principal?.FindAll(AuthenticationMethods.Claim).Select(c => c.Value).ToArray() ?? [];

    /// <summary>Whether the principal was issued for this security stamp; compared in constant time. False when it carries none.</summary>
    public static bool HasStamp(ClaimsPrincipal principal, string? securityStamp) =>
        securityStamp is not null
        && principal.FindFirst(SessionCookie.SecurityStampClaim)?.Value is { } stored
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(Secrets.Hash(securityStamp)));

    private static ClaimsPrincipal Build(string subject, string authTime, string sessionId, string securityStamp, IEnumerable<string> methods, string? confirmedAt)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(SessionCookie.SubjectClaim, subject),
                new Claim(SessionCookie.AuthTimeClaim, authTime, ClaimValueTypes.Integer64),
                new Claim(SessionCookie.SessionIdClaim, sessionId),
                new Claim(SessionCookie.SecurityStampClaim, Secrets.Hash(securityStamp)),
                .. methods.Distinct(StringComparer.Ordinal).Select(m => new Claim(AuthenticationMethods.Claim, m)),
                .. confirmedAt is null ? [] : new[] { new Claim(SessionCookie.ConfirmedAtClaim, confirmedAt, ClaimValueTypes.Integer64) },
            ],
            SessionCookie.Scheme, SessionCookie.SubjectClaim, null);
        return new ClaimsPrincipal(identity);
    }
}
