using System.Security.Cryptography;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// The one way this service mints a security stamp outside ASP.NET Core Identity (an SQL insert or update of
/// <c>users</c>): 160 random bits, like Identity's own. A new stamp ends every browser session at its next check
/// (decision 0015).
/// </summary>
public static class SecurityStamps
{
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
