using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>GET asks, POST (with the antiforgery token) ends the session: a link alone cannot sign anyone out.</summary>
public sealed class LogoutModel(IUserSession session) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await session.SignOutAsync(HttpContext);
        return Redirect("/");
    }
}
