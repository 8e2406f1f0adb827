using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// "Sign out everywhere else" (POST with the antiforgery token): every other session of the account ends, with the
/// refresh tokens issued to it; this browser stays signed in. The sessions are listed on the account page.
/// </summary>
[Authorize]
public sealed class SessionsModel(IUserSession session, ServerSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await session.GetCurrentAsync(HttpContext) is not { } current)
        {
            return Challenge();
        }

        var ended = await sessions.EndOthersAsync(current, cancellationToken);
        return Redirect($"/?ended={ended}");
    }
}
