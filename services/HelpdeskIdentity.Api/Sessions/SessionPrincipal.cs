using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using HelpdeskIdentity.Oidc.Sessions;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Builds the session cookie's principal, and reads a <see cref="UserSession"/> back from one.</summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal Create(Guid accountId, DateTimeOffset authenticatedAt)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(SessionCookie.SubjectClaim, accountId.ToString()),
                new Claim(SessionCookie.AuthTimeClaim,
                    authenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
                new Claim(SessionCookie.SessionIdClaim, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16))),
            ],
            SessionCookie.Scheme, SessionCookie.SubjectClaim, null);
        return new ClaimsPrincipal(identity);
    }

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

        return new UserSession(subject!, DateTimeOffset.FromUnixTimeSeconds(seconds), sessionId);
    }
}
