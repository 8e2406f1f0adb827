using HelpdeskIdentity.Api.Sessions;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>The name a person gives a passkey: trimmed, 1 to 100 characters, no control characters; by default the browser it was made in.</summary>
public static class PasskeyNames
{
    /// <summary>The name to store, or null when <paramref name="typed"/> is not acceptable. Nothing typed: "Chrome on Linux" from the user agent.</summary>
    public static string? Acceptable(string? typed, string? userAgent)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return UserAgentSummary.Of(userAgent);
        }

        return name.Length <= Passkey.MaxNameLength && !name.Any(char.IsControl) ? name : null;
    }
}
