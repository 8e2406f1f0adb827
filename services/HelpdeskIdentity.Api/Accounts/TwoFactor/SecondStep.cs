using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// What happens after a first factor (password, e-mailed code) was accepted: the session starts, recording how the
/// person signed in, and the browser continues to <c>returnUrl</c>.
/// </summary>
public sealed class SecondStep(SessionSignIn sessions)
{
    public async Task<IActionResult> ContinueAsync(HttpContext context, Account account, string method, bool persistent, string returnUrl)
    {
        await sessions.SignInAsync(context, account, persistent, [method]);
        return new RedirectResult(returnUrl);
    }
}
