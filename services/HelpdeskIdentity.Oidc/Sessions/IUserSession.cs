using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Sessions;

/// <summary>The host's answer to "who is signed in here?", asked by the authorization and end-session endpoints.</summary>
public interface IUserSession
{
    /// <summary>The signed-in user of this browser, or null.</summary>
    Task<UserSession?> GetCurrentAsync(HttpContext context);

    /// <summary>
    /// Whether the session is strong enough for the request's <c>acr_values</c> (step-up); false sends the browser to
    /// sign in again.
    /// </summary>
    Task<bool> SatisfiesAsync(HttpContext context, UserSession session, string? acrValues);

    /// <summary>Ends this browser's session at the provider.</summary>
    Task SignOutAsync(HttpContext context);
}
