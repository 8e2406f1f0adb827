using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Sessions;

/// <summary>The host's answer to "who is signed in here?", asked by the authorization and end-session endpoints.</summary>
public interface IUserSession
{
    /// <summary>The signed-in user of this browser, or null.</summary>
    Task<UserSession?> GetCurrentAsync(HttpContext context);

    /// <summary>Ends this browser's session at the provider.</summary>
    Task SignOutAsync(HttpContext context);
}
